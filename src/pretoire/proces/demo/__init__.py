"""La cour de démonstration : une affaire fictive, ses magistrats, son greffe et son barreau.

L'installation est idempotente : relancer la démonstration ne duplique rien.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from typing import Any

from django.contrib.auth.models import Permission
from django.db import transaction
from django.utils import timezone

from pretoire.comptes.models import Utilisateur
from pretoire.journal.actions import do_consigner_evenement
from pretoire.law.debats import TypeEvenement
from pretoire.law.mise_en_accusation import Dossier, charger_dossier

from ..actions import do_importer_dossier
from ..models import Affaire, Affectation, JourAudience, Jure, Role
from .deposition import rejouer_l_audience

MOT_DE_PASSE_DEMO = "Pretoire-demo-2026"


@dataclass(frozen=True)
class CompteDemo:
    identifiant: str
    civilite: str
    prenom: str
    nom: str
    role: Role
    represente: str = ""


COMPTES = (
    CompteDemo("presidente", "Mme", "Hélène", "Roussel", Role.PRESIDENT),
    CompteDemo("assesseur", "M.", "Paul", "Garnier", Role.ASSESSEUR),
    CompteDemo("greffiere", "Mme", "Sophie", "Morel", Role.GREFFIER),
    CompteDemo("avocat-general", "M.", "Julien", "Faure", Role.AVOCAT_GENERAL),
    CompteDemo("defense", "Me", "Antoine", "Blanc", Role.AVOCAT_DEFENSE, represente="A1"),
    CompteDemo("partie-civile", "Me", "Nadia", "Benali", Role.AVOCAT_PARTIE_CIVILE, represente="V1"),
)


# Le jury de jugement de l'affaire (appel : neuf jurés), dans l'ordre du tirage au sort ; noms inventés.
JURY_DEMO = (
    ("MARCHAND", "Claire"),
    ("LEROY", "Bernard"),
    ("FONTAINE", "Amina"),
    ("GIRAUD", "Louis"),
    ("CARON", "Élodie"),
    ("MEUNIER", "Rachid"),
    ("BARBIER", "Sylvie"),
    ("RENAUD", "Thomas"),
    ("COLIN", "Jeanne"),
)


def dossier_demo() -> Dossier:
    texte = resources.files(__package__).joinpath("affaire-demo.yaml").read_text(encoding="utf-8")
    return charger_dossier(texte, "affaire-demo.yaml")


@transaction.atomic
def installer_demo(*, avec_deposition: bool = False) -> Affaire:
    """L'affaire de démonstration ; ``avec_deposition`` rejoue en plus une audience où l'expert
    dépose à distance (``pretoire demo`` le demande, pour montrer un procès-verbal à générer)."""
    dossier = dossier_demo()
    affaire = Affaire.objects.filter(numero=dossier.affaire.numero).first()
    if affaire is not None:
        return affaire
    affaire = do_importer_dossier(dossier)
    # Le procès dure : la démonstration a des jours d'audience aujourd'hui et les deux suivants,
    # pour qu'une invitation en visioconférence puisse y être faite.
    aujourd_hui = timezone.localdate()
    for decalage in range(3):
        JourAudience.objects.get_or_create(affaire=affaire, date=aujourd_hui + timedelta(days=decalage))
    for compte in COMPTES:
        utilisateur, cree = Utilisateur.objects.get_or_create(
            username=compte.identifiant,
            defaults={
                "civilite": compte.civilite,
                "first_name": compte.prenom,
                "last_name": compte.nom,
            },
        )
        if cree:
            utilisateur.set_password(MOT_DE_PASSE_DEMO)
            utilisateur.save()
        Affectation.objects.create(
            utilisateur=utilisateur,
            affaire=affaire,
            role=compte.role,
            accuse=affaire.accuses.filter(identifiant=compte.represente).first(),
            victime=affaire.victimes.filter(identifiant=compte.represente).first(),
        )
    _tirer_le_jury(affaire)
    greffiere = Utilisateur.objects.get(username="greffiere")
    _installer_l_administration(greffiere)
    ouverture_et_audition: list[tuple[TypeEvenement, dict[str, Any]]] = [
        (TypeEvenement.OUVERTURE_DEBATS, {}),
        (
            TypeEvenement.AUDITION,
            {
                "deposant": "Dr Camille Lefort, psychiatre",
                "qualite": "expert",
                "modalite": "visioconference",
            },
        ),
    ]
    if avec_deposition:
        rejouer_l_audience(affaire, greffiere, ouverture_et_audition)
    else:
        for type_evenement, donnees in ouverture_et_audition:
            do_consigner_evenement(affaire, type_evenement, donnees, auteur=greffiere)
    _installer_affaire_a_instruire(affaire)
    return affaire


# L'administration des affaires (comptes, affectations) revient à un compte qui ne siège nulle
# part. Le greffier y consulte seulement les affaires et le journal : superutilisateur, il
# pourrait s'affecter lui-même à la présidence.
ADMINISTRATEUR = "administrateur"
APPLICATIONS_CONSULTEES_PAR_LE_GREFFE = ("proces", "journal")


def _installer_l_administration(greffiere: Utilisateur) -> None:
    administrateur, cree = Utilisateur.objects.get_or_create(
        username=ADMINISTRATEUR,
        defaults={"first_name": "Administration", "last_name": "de la juridiction"},
    )
    if cree:
        administrateur.set_password(MOT_DE_PASSE_DEMO)
        administrateur.is_staff = administrateur.is_superuser = True
        administrateur.save()
    greffiere.is_staff = True
    greffiere.is_superuser = False
    greffiere.save()
    greffiere.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label__in=APPLICATIONS_CONSULTEES_PAR_LE_GREFFE, codename__startswith="view_"
        )
    )


# La seconde affaire de la session attend sa décision de mise en accusation : le greffe l'importe
# depuis la page de l'affaire (journal vide, aucun fait).
AFFAIRE_A_INSTRUIRE = "26/00043"
PREMIER_JOUR_A_INSTRUIRE = date(2026, 11, 25)


def _tirer_le_jury(affaire: Affaire) -> None:
    Jure.objects.bulk_create(
        Jure(affaire=affaire, rang=rang, nom=nom, prenoms=prenoms)
        for rang, (nom, prenoms) in enumerate(JURY_DEMO, start=1)
    )


def _installer_affaire_a_instruire(affaire_demo: Affaire) -> None:
    affaire = Affaire.objects.create(
        session=affaire_demo.session,
        numero=AFFAIRE_A_INSTRUIRE,
        intitule="Affaire en attente de sa décision de mise en accusation",
    )
    JourAudience.objects.create(affaire=affaire, date=PREMIER_JOUR_A_INSTRUIRE)
    # Les jurés de la session siègent aussi dans cette affaire : son délibéré peut s'ouvrir.
    _tirer_le_jury(affaire)
    for identifiant, role in (("presidente", Role.PRESIDENT), ("greffiere", Role.GREFFIER)):
        Affectation.objects.create(
            utilisateur=Utilisateur.objects.get(username=identifiant), affaire=affaire, role=role
        )
