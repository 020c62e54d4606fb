"""Point d'entrée ASGI : HTTP par Django, WebSockets par Channels."""

import os

from django.core.asgi import get_asgi_application
from django.core.exceptions import ImproperlyConfigured

# Pas de réglages par défaut : un serveur lancé sans eux serait un serveur de démonstration
# (clé secrète publique, DEBUG) sans que personne le sache.
if not os.environ.get("DJANGO_SETTINGS_MODULE"):
    raise ImproperlyConfigured(
        "DJANGO_SETTINGS_MODULE n'est pas défini : en service,"
        " DJANGO_SETTINGS_MODULE=pretoire.config.settings.production ; la démonstration se lance"
        " par « pretoire demo »."
    )
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from pretoire.config.routing import websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": AllowedHostsOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns))),
    }
)
