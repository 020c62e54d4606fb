"""Qui doit signer chaque nature de document, dans quel ordre, et sous quel champ du PDF.

La génération appose les signatures du greffe ; toute autre signature attendue (le président)
est apposée ensuite, par son titulaire, dans sa propre session. La vérification exige la liste
entière, dans cet ordre : un document auquel il en manque une ne se dit pas authentique.

Une nouvelle nature de document s'ajoute à ``SIGNATAIRES_PAR_NATURE`` ; rien d'autre n'est à
changer dans la chaîne (génération, seconde signature, vérification).
"""

from __future__ import annotations

from pretoire.proces.models import Role, TypeJuridiction

from .models import NatureDocument

# Le nom du champ de signature de chaque rôle dans le PDF (ASCII : pyHanko les compare tels quels).
CHAMP_DU_ROLE: dict[Role, str] = {Role.GREFFIER: "Greffier", Role.PRESIDENT: "President"}
ROLE_DU_CHAMP: dict[str, Role] = {champ: role for role, champ in CHAMP_DU_ROLE.items()}

# Les rôles que le greffe signe lui-même en générant ; les autres signent dans leur session.
ROLES_SIGNES_A_LA_GENERATION = frozenset({Role.GREFFIER})

SIGNATAIRES_PAR_NATURE: dict[str, tuple[Role, ...]] = {
    NatureDocument.PROCES_VERBAL: (Role.GREFFIER,),
    NatureDocument.EXTRAIT_DU_JOURNAL: (Role.GREFFIER,),
    NatureDocument.FEUILLE_DE_QUESTIONS: (Role.GREFFIER, Role.PRESIDENT),
    # Art. 364 : la feuille répondue est signée du président (et du premier juré, qui n'a pas de
    # compte : le PDF le nomme) ; le président la scelle lui-même en enregistrant le verdict.
    NatureDocument.FEUILLE_REPONDUE: (Role.PRESIDENT,),
    NatureDocument.FEUILLE_DE_MOTIVATION: (Role.PRESIDENT,),
}


def signataires_attendus(nature: str, type_juridiction: str) -> tuple[Role, ...]:
    """Les rôles qui signent un document de cette nature, dans l'ordre ; ``()`` si la nature est
    inconnue (rien alors ne le dit authentique)."""
    # AMBIGUÏTÉ : art. 364, la feuille « est signée séance tenante par le président et par le
    # premier juré » ; art. 380-19 1°, « il n'est pas tenu compte des dispositions qui font
    # mention du jury ou des jurés » — lecture retenue : devant la cour criminelle départementale,
    # le président signe seul, comme sur la feuille répondue (law/README.md, n° 19 et 25).
    # Ailleurs, la signature du greffier puis celle du président sont un choix du dispositif.
    if (
        nature == NatureDocument.FEUILLE_DE_QUESTIONS
        and type_juridiction == TypeJuridiction.COUR_CRIMINELLE_DEPARTEMENTALE
    ):
        return (Role.PRESIDENT,)
    return SIGNATAIRES_PAR_NATURE.get(nature, ())


def en_clair(role: Role) -> str:
    """Le rôle tel que le document et la vérification l'écrivent (« président »)."""
    return str(role.label).lower()
