from pretoire.cli import main

raise SystemExit(main())
