"""La fidélité de la transmission (art. R. 53-38 CPP) : seuils, périodes, alertes, résumés.

Les échantillons sont fabriqués par ``Poste`` : des compteurs cumulés comme ceux de ``getStats``,
une seconde à la fois, où l'on coupe l'image, le son ou les deux.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pretoire.deposition.fidelite import (
    ALERTE_M,
    ALERTE_N,
    Echantillon,
    Note,
    Observation,
    Reception,
    Surveillance,
    noter,
)
from pretoire.journal.donnees import valider_donnees
from pretoire.law.debats import TypeEvenement

T0 = datetime(2026, 11, 24, 9, 0, 0, tzinfo=UTC)

DEBUTS = {TypeEvenement.AUDIO_SEUL_DEBUT, TypeEvenement.INTERRUPTION_DEBUT}
FINS = {TypeEvenement.AUDIO_SEUL_FIN, TypeEvenement.INTERRUPTION_FIN}
FIN_DE = {
    TypeEvenement.AUDIO_SEUL_DEBUT: TypeEvenement.AUDIO_SEUL_FIN,
    TypeEvenement.INTERRUPTION_DEBUT: TypeEvenement.INTERRUPTION_FIN,
}


def accepte_par_le_journal(observation: Observation) -> dict[str, Any]:
    """Chaque observation doit passer telle quelle la validation du journal."""
    return valider_donnees(
        observation.type, {**observation.donnees, "deposition": 1}, accuses=set(), faits=set()
    )


@dataclass
class Poste:
    """Les compteurs cumulés d'un poste qui reçoit, avancés seconde par seconde."""

    surveillance: Surveillance = field(default_factory=lambda: Surveillance("salle"))
    instant: datetime = T0
    images: int = 0
    audio: int = 0
    octets: int = 0
    recus: int = 0
    perdus: int = 0
    gels: int = 0
    dechiffrees: int = 0
    observations: list[Observation] = field(default_factory=list)

    def echantillon(
        self,
        *,
        apres: float = 1.0,
        image: bool = True,
        son: bool = True,
        perte_pct: float = 0.0,
        kbps: float = 1200.0,
        aller_retour_ms: float | None = 80.0,
        images_par_seconde: float | None = 30.0,
        hauteur: int | None = 720,
        largeur: int | None = 1280,
        synchronisation_ms: float | None = 10.0,
        nouveaux_gels: int = 0,
    ) -> list[Observation]:
        self.instant += timedelta(seconds=apres)
        if image:
            self.images += round(30 * apres) or 1
            self.dechiffrees += round(30 * apres) or 1
        if son:
            self.audio += round(50 * apres) or 1
        paquets = 100
        perdus = round(paquets * perte_pct / (100 - perte_pct)) if perte_pct else 0
        self.recus += paquets
        self.perdus += perdus
        self.octets += round(kbps * 1000 / 8 * apres)
        self.gels += nouveaux_gels
        return self.envoyer(
            Echantillon(
                instant=self.instant,
                images_decodees=self.images,
                paquets_audio=self.audio,
                octets_recus=self.octets,
                paquets_recus=self.recus,
                paquets_perdus=self.perdus,
                aller_retour_ms=aller_retour_ms,
                images_par_seconde=images_par_seconde if image else None,
                largeur=largeur,
                hauteur=hauteur,
                gels=self.gels,
                synchronisation_ms=synchronisation_ms,
                images_dechiffrees=self.dechiffrees,
            )
        )

    def envoyer(self, echantillon: Echantillon) -> list[Observation]:
        observations = self.surveillance.observer(echantillon)
        for observation in observations:
            accepte_par_le_journal(observation)
        self.observations.extend(observations)
        return observations

    def nouvelle_connexion(self, *, apres: float = 1.0) -> list[Observation]:
        """Rechargement ou redémarrage ICE : les compteurs repartent de zéro."""
        self.images = self.audio = self.octets = self.recus = self.perdus = self.gels = 0
        self.dechiffrees = 0
        return self.echantillon(apres=apres)

    def de_type(self, *types: TypeEvenement) -> list[Observation]:
        return [o for o in self.observations if o.type in types]


def poste_en_reception_normale(secondes: int = 10) -> Poste:
    """Un poste qui reçoit l'image et le son depuis T0 + 1 s, jusqu'à T0 + ``secondes`` s."""
    poste = Poste()
    poste.envoyer(Echantillon(instant=T0))
    for _ in range(secondes):
        poste.echantillon()
    assert poste.surveillance.reception is Reception.NORMALE
    return poste


def a(secondes: float) -> str:
    return (T0 + timedelta(seconds=secondes)).isoformat()


# --- noter() aux bornes de chaque seuil ------------------------------------------------------------

BONNE_MESURE = {"perte_pct": 0.0, "delai_ms": 40.0, "images_par_seconde": 30.0, "hauteur": 720}


@pytest.mark.parametrize(
    ("champ", "valeur", "note"),
    [
        ("perte_pct", 2.0, Note.BONNE),
        ("perte_pct", 2.01, Note.DEGRADEE),
        ("perte_pct", 10.0, Note.DEGRADEE),
        ("perte_pct", 10.01, Note.MAUVAISE),
        ("delai_ms", 150.0, Note.BONNE),
        ("delai_ms", 150.1, Note.DEGRADEE),
        ("delai_ms", 400.0, Note.DEGRADEE),
        ("delai_ms", 400.1, Note.MAUVAISE),
        ("images_par_seconde", 15.0, Note.BONNE),
        ("images_par_seconde", 14.9, Note.DEGRADEE),
        ("images_par_seconde", 5.0, Note.DEGRADEE),
        ("images_par_seconde", 4.9, Note.MAUVAISE),
        ("hauteur", 360, Note.BONNE),
        ("hauteur", 359, Note.DEGRADEE),
        ("hauteur", 180, Note.DEGRADEE),
        ("hauteur", 179, Note.MAUVAISE),
        ("synchronisation_ms", 45.0, Note.BONNE),
        ("synchronisation_ms", 45.1, Note.DEGRADEE),
        ("synchronisation_ms", -125.0, Note.BONNE),
        ("synchronisation_ms", -125.1, Note.DEGRADEE),
        ("nouveaux_gels", 0, Note.BONNE),
        ("nouveaux_gels", 1, Note.DEGRADEE),
    ],
)
def test_noter_place_chaque_seuil_du_bon_cote(champ: str, valeur: float, note: Note) -> None:
    obtenue, raisons = noter({**BONNE_MESURE, champ: valeur})
    assert obtenue is note
    assert (raisons == ()) is (note is Note.BONNE)


def test_noter_ne_donne_que_les_raisons_de_la_pire_note() -> None:
    note, raisons = noter({**BONNE_MESURE, "perte_pct": 12.0, "delai_ms": 200.0, "hauteur": 300})
    assert note is Note.MAUVAISE
    assert raisons == ("pertes de paquets 12,0 % (> 10 %)",)


def test_noter_cite_la_norme_du_delai_et_de_la_synchronisation() -> None:
    _, raisons = noter({**BONNE_MESURE, "delai_ms": 200.0, "synchronisation_ms": 60.0})
    assert raisons == ("délai 200 ms (> 150 ms, UIT-T G.114)", "décalage son-image +60 ms (UIT-R BT.1359)")


def test_sans_image_attendue_la_cadence_et_la_hauteur_ne_comptent_pas() -> None:
    mesure = {**BONNE_MESURE, "images_par_seconde": 0.0, "hauteur": 100, "nouveaux_gels": 3}
    assert noter(mesure, image_attendue=False) == (Note.BONNE, ())
    assert noter(mesure)[0] is Note.MAUVAISE


def test_une_mesure_sans_cadence_est_mauvaise_quand_l_image_est_attendue() -> None:
    assert noter({"perte_pct": 0.0})[0] is Note.MAUVAISE


# --- Première image ----------------------------------------------------------------------------


def test_la_premiere_image_est_observee_une_seule_fois() -> None:
    poste = Poste()
    assert poste.envoyer(Echantillon(instant=T0)) == []
    assert poste.echantillon(image=False, son=True) == []
    assert poste.surveillance.reception is Reception.ATTENTE
    premiere = poste.echantillon()
    assert premiere == [Observation(TypeEvenement.PREMIERE_IMAGE, {"poste": "salle"})]
    for _ in range(5):
        poste.echantillon()
    assert len(poste.de_type(TypeEvenement.PREMIERE_IMAGE)) == 1


def test_avant_la_premiere_image_aucune_interruption_n_est_consignee() -> None:
    poste = Poste()
    poste.envoyer(Echantillon(instant=T0))
    for _ in range(10):
        assert poste.echantillon(image=False, son=False) == []
    assert poste.surveillance.reception is Reception.ATTENTE


# --- Périodes : son seul, interruptions -------------------------------------------------------------


def test_camera_coupee_ouvre_une_periode_son_seul_datee_de_la_derniere_image() -> None:
    poste = poste_en_reception_normale(10)  # dernière image à T0 + 10 s
    assert poste.echantillon(image=False) == []  # T0 + 11 s : 1 s sans image
    poste.echantillon(image=False)  # T0 + 12 s : 2 s tout juste, pas encore
    assert poste.de_type(TypeEvenement.AUDIO_SEUL_DEBUT) == []
    poste.echantillon(image=False)  # T0 + 13 s : 3 s sans image
    debuts = poste.de_type(TypeEvenement.AUDIO_SEUL_DEBUT)
    assert debuts == [Observation(TypeEvenement.AUDIO_SEUL_DEBUT, {"poste": "salle", "debut": a(10)})]
    assert poste.surveillance.reception is Reception.SON_SEUL

    poste.echantillon()  # T0 + 14 s : l'image revient
    fins = poste.de_type(TypeEvenement.AUDIO_SEUL_FIN)
    assert fins == [
        Observation(
            TypeEvenement.AUDIO_SEUL_FIN,
            {"poste": "salle", "debut": a(10), "fin": a(14), "duree_s": 4.0},
        )
    ]
    assert poste.de_type(TypeEvenement.INTERRUPTION_DEBUT) == []
    assert poste.surveillance.reception is Reception.NORMALE


def test_la_duree_d_une_periode_est_exacte_au_dixieme_de_seconde_pres() -> None:
    poste = poste_en_reception_normale(10)
    for _ in range(4):
        poste.echantillon(image=False, apres=0.9)  # T0 + 13,6 s
    poste.echantillon(apres=0.7)  # T0 + 14,3 s
    (fin,) = poste.de_type(TypeEvenement.AUDIO_SEUL_FIN)
    assert fin.donnees["debut"] == a(10)
    assert fin.donnees["fin"] == a(14.3)
    assert fin.donnees["duree_s"] == 4.3


def test_tout_coupe_ouvre_une_interruption_de_l_image_et_du_son() -> None:
    poste = poste_en_reception_normale(10)
    for _ in range(3):
        poste.echantillon(image=False, son=False)
    assert poste.de_type(TypeEvenement.INTERRUPTION_DEBUT) == [
        Observation(
            TypeEvenement.INTERRUPTION_DEBUT, {"poste": "salle", "debut": a(10), "nature": "image_et_son"}
        )
    ]
    assert poste.de_type(TypeEvenement.AUDIO_SEUL_DEBUT) == []
    assert poste.surveillance.reception is Reception.COUPEE
    poste.echantillon(image=False, son=False)
    poste.echantillon()  # T0 + 15 s
    assert poste.de_type(TypeEvenement.INTERRUPTION_FIN) == [
        Observation(
            TypeEvenement.INTERRUPTION_FIN,
            {"poste": "salle", "debut": a(10), "fin": a(15), "duree_s": 5.0, "nature": "image_et_son"},
        )
    ]


def test_le_son_coupe_seul_ouvre_une_interruption_du_son() -> None:
    poste = poste_en_reception_normale(10)
    for _ in range(3):
        poste.echantillon(son=False)
    assert [o.donnees for o in poste.de_type(TypeEvenement.INTERRUPTION_DEBUT)] == [
        {"poste": "salle", "debut": a(10), "nature": "son"}
    ]
    assert poste.surveillance.reception is Reception.IMAGE_SANS_SON


def test_d_une_periode_a_l_autre_la_premiere_se_ferme_quand_la_seconde_s_ouvre() -> None:
    poste = poste_en_reception_normale(10)
    for _ in range(3):
        poste.echantillon(image=False)  # son seul à T0 + 13 s
    poste.echantillon(image=False, son=False)  # T0 + 14 s : le son manque depuis 1 s seulement
    poste.echantillon(image=False, son=False)  # T0 + 15 s
    poste.echantillon(image=False, son=False)  # T0 + 16 s : 3 s sans son → tout coupé, depuis T0 + 13 s
    types = [o.type for o in poste.observations if o.type in DEBUTS | FINS]
    assert types == [
        TypeEvenement.AUDIO_SEUL_DEBUT,
        TypeEvenement.AUDIO_SEUL_FIN,
        TypeEvenement.INTERRUPTION_DEBUT,
    ]
    (fin_son_seul,) = poste.de_type(TypeEvenement.AUDIO_SEUL_FIN)
    (debut_coupure,) = poste.de_type(TypeEvenement.INTERRUPTION_DEBUT)
    assert fin_son_seul.donnees["fin"] == debut_coupure.donnees["debut"] == a(13)


def test_le_son_perdu_pendant_un_son_seul_est_date_du_dernier_son_recu() -> None:
    poste = poste_en_reception_normale(10)
    for _ in range(3):
        poste.echantillon(image=False)  # son seul ; dernier son reçu à T0 + 13 s
    for _ in range(3):
        poste.echantillon(image=False, son=False)  # T0 + 16 s : tout coupé constaté
    (debut_coupure,) = poste.de_type(TypeEvenement.INTERRUPTION_DEBUT)
    assert debut_coupure.donnees["debut"] == a(13)


# --- Alertes N sur M ---------------------------------------------------------------------------


def test_les_seuils_d_alerte_sont_trois_sur_cinq() -> None:
    assert (ALERTE_N, ALERTE_M) == (3, 5)


def test_un_seul_echantillon_mauvais_ne_leve_pas_d_alerte() -> None:
    poste = poste_en_reception_normale(10)
    poste.echantillon(perte_pct=20.0)
    for _ in range(10):
        poste.echantillon()
    assert poste.de_type(TypeEvenement.ALERTE_FIDELITE_DEBUT) == []
    assert not poste.surveillance.en_alerte


def test_deux_mauvais_sur_cinq_ne_levent_pas_d_alerte() -> None:
    poste = poste_en_reception_normale(10)
    for perte in (20.0, 0.0, 0.0, 20.0, 0.0, 0.0, 0.0, 20.0, 0.0):
        poste.echantillon(perte_pct=perte)
    assert poste.de_type(TypeEvenement.ALERTE_FIDELITE_DEBUT) == []


def test_trois_mauvais_sur_cinq_levent_une_alerte_qui_dit_pourquoi() -> None:
    poste = poste_en_reception_normale(10)
    poste.echantillon(perte_pct=20.0)  # T0 + 11 s
    poste.echantillon()
    poste.echantillon(perte_pct=20.0)
    assert poste.de_type(TypeEvenement.ALERTE_FIDELITE_DEBUT) == []
    poste.echantillon()
    observations = poste.echantillon(perte_pct=20.0)  # T0 + 15 s
    alertes = [o for o in observations if o.type is TypeEvenement.ALERTE_FIDELITE_DEBUT]
    assert len(alertes) == 1
    assert alertes[0].donnees["debut"] == a(15)
    assert alertes[0].donnees["raisons"] == ["pertes de paquets 20,0 % (> 10 %)"]
    assert poste.surveillance.en_alerte


def test_l_alerte_n_est_levee_qu_apres_cinq_echantillons_sans_aucun_mauvais() -> None:
    poste = poste_en_reception_normale(10)
    for _ in range(3):
        poste.echantillon(perte_pct=20.0)  # alerte à T0 + 13 s
    assert poste.surveillance.en_alerte
    for _ in range(ALERTE_M - 1):
        poste.echantillon()
        assert poste.de_type(TypeEvenement.ALERTE_FIDELITE_FIN) == []
    poste.echantillon()  # T0 + 18 s : cinquième bon échantillon
    assert poste.de_type(TypeEvenement.ALERTE_FIDELITE_FIN) == [
        Observation(
            TypeEvenement.ALERTE_FIDELITE_FIN,
            {"poste": "salle", "debut": a(13), "fin": a(18), "duree_s": 5.0},
        )
    ]
    assert not poste.surveillance.en_alerte


def test_une_alerte_n_est_pas_relevee_tant_qu_elle_dure() -> None:
    poste = poste_en_reception_normale(10)
    for _ in range(12):
        poste.echantillon(perte_pct=20.0)
    assert len(poste.de_type(TypeEvenement.ALERTE_FIDELITE_DEBUT)) == 1


def test_des_echantillons_degrades_ne_levent_pas_d_alerte() -> None:
    poste = poste_en_reception_normale(10)
    for _ in range(10):
        poste.echantillon(perte_pct=5.0, hauteur=240)
    assert poste.de_type(TypeEvenement.ALERTE_FIDELITE_DEBUT) == []


# --- Compteurs remis à zéro --------------------------------------------------------------------


def test_des_compteurs_remis_a_zero_ne_font_pas_une_fausse_interruption() -> None:
    poste = poste_en_reception_normale(30)
    assert poste.nouvelle_connexion() == []  # T0 + 31 s : compteurs plus petits qu'avant
    for _ in range(10):
        poste.echantillon()
    assert poste.de_type(*DEBUTS, *FINS, TypeEvenement.ALERTE_FIDELITE_DEBUT) == []
    assert poste.surveillance.reception is Reception.NORMALE
    assert len(poste.de_type(TypeEvenement.PREMIERE_IMAGE)) == 1


def test_apres_une_remise_a_zero_le_debit_n_est_jamais_negatif() -> None:
    poste = poste_en_reception_normale(30)
    poste.nouvelle_connexion()
    poste.echantillon()
    mesure = poste.surveillance.derniere_mesure
    assert mesure is not None
    assert mesure.debit_kbps == pytest.approx(1200.0)
    assert mesure.perte_pct == 0.0


def test_une_image_arretee_avant_le_rechargement_reste_une_interruption() -> None:
    poste = poste_en_reception_normale(10)
    for _ in range(4):
        poste.echantillon(image=False, son=False)  # gel de la connexion : T0 + 14 s
    poste.nouvelle_connexion()  # T0 + 15 s
    poste.echantillon()  # T0 + 16 s : l'image revient sur la nouvelle connexion
    (fin,) = poste.de_type(TypeEvenement.INTERRUPTION_FIN)
    assert fin.donnees["debut"] == a(10)
    assert fin.donnees["fin"] == a(16)


# --- Résumé par minute -------------------------------------------------------------------------


def test_une_minute_d_echantillons_donne_un_resume_aux_valeurs_medianes() -> None:
    poste = Poste()
    poste.envoyer(Echantillon(instant=T0))
    debits = [800.0, 1200.0, 1600.0]
    allers_retours = [60.0, 100.0, 400.0]
    cadences = [24.0, 30.0, 12.0]
    for i in range(60):
        poste.echantillon(
            kbps=debits[i % 3],
            aller_retour_ms=allers_retours[i % 3],
            images_par_seconde=cadences[i % 3],
            synchronisation_ms=[-20.0, 0.0, 30.0][i % 3],
            nouveaux_gels=1 if i == 7 else 0,
        )
    assert poste.de_type(TypeEvenement.QUALITE_MINUTE) == []  # T0 + 60 s : 59 s de mesures
    poste.echantillon(kbps=1200.0, aller_retour_ms=100.0, images_par_seconde=30.0, synchronisation_ms=0.0)

    (resume,) = poste.de_type(TypeEvenement.QUALITE_MINUTE)
    accepte_par_le_journal(resume)
    donnees = resume.donnees
    assert donnees["poste"] == "salle"
    assert donnees["debut"] == a(1)
    assert donnees["fin"] == a(61)
    assert donnees["echantillons"] == 61
    assert donnees["debit_kbps"] == pytest.approx(1200.0)
    assert donnees["delai_ms"] == 50.0  # moitié de l'aller-retour médian
    assert donnees["images_par_seconde"] == 24.0
    assert donnees["synchronisation_ms"] == 0.0
    assert donnees["resolution"] == "1280×720"
    assert donnees["gels"] == 1
    assert donnees["images_dechiffrees"] == 61 * 30
    # 40 échantillons bons, 21 dégradés (cadence de 12, délai de 200 ms, le gel) : médiane bonne.
    assert donnees["note"] == "bonne"


def test_le_resume_suivant_repart_de_zero() -> None:
    poste = poste_en_reception_normale(10)
    for _ in range(120):
        poste.echantillon()
    resumes = poste.de_type(TypeEvenement.QUALITE_MINUTE)
    assert [r.donnees["echantillons"] for r in resumes] == [61, 61]
    assert resumes[1].donnees["debut"] == a(62)
    assert all(r.donnees["note"] == "bonne" for r in resumes)


def test_le_resume_donne_les_pertes_cumulees_de_la_minute() -> None:
    poste = poste_en_reception_normale(1)
    for i in range(60):
        poste.echantillon(perte_pct=20.0 if i == 0 else 0.0)
    (resume,) = poste.de_type(TypeEvenement.QUALITE_MINUTE)
    # 25 paquets perdus sur 61 × 100 reçus + 25 : 0,4 %, pas 20 %.
    assert resume.donnees["perte_pct"] == pytest.approx(100 * 25 / (61 * 100 + 25), abs=0.1)


def test_une_hauteur_sans_largeur_ne_produit_pas_une_resolution_none() -> None:
    poste = poste_en_reception_normale(1)
    for _ in range(60):
        poste.echantillon(largeur=None)
    (resume,) = poste.de_type(TypeEvenement.QUALITE_MINUTE)
    assert "None" not in resume.donnees["resolution"]


# --- Propriété : les périodes alternent et leurs durées sont justes ------------------------------

etapes = st.lists(
    st.tuples(
        st.integers(min_value=100, max_value=4000),  # millisecondes depuis l'échantillon précédent
        st.booleans(),  # image reçue
        st.booleans(),  # son reçu
        st.sampled_from([0.0, 0.0, 5.0, 20.0]),  # pertes
        st.integers(min_value=0, max_value=30),  # une chance sur 31 de remise à zéro
    ),
    max_size=150,
)


@settings(max_examples=200, deadline=None)
@given(etapes)
def test_les_periodes_alternent_et_chaque_fin_mesure_sa_duree(
    suite: list[tuple[int, bool, bool, float, int]],
) -> None:
    poste = Poste()
    poste.envoyer(Echantillon(instant=T0))
    for millisecondes, image, son, perte, tirage in suite:
        if tirage == 0:
            poste.nouvelle_connexion(apres=millisecondes / 1000)
        else:
            poste.echantillon(apres=millisecondes / 1000, image=image, son=son, perte_pct=perte)

    ouverte: Observation | None = None
    for observation in poste.de_type(*DEBUTS, *FINS):
        if observation.type in DEBUTS:
            assert ouverte is None, "une période s'ouvre alors que la précédente n'est pas close"
            ouverte = observation
        else:
            assert ouverte is not None, "une période se ferme sans avoir été ouverte"
            assert observation.type is FIN_DE[ouverte.type]
            assert observation.donnees.get("nature") == ouverte.donnees.get("nature")
            verifier_duree(observation, debut_attendu=ouverte.donnees["debut"])
            ouverte = None

    alerte: Observation | None = None
    for observation in poste.de_type(TypeEvenement.ALERTE_FIDELITE_DEBUT, TypeEvenement.ALERTE_FIDELITE_FIN):
        if observation.type is TypeEvenement.ALERTE_FIDELITE_DEBUT:
            assert alerte is None
            alerte = observation
        else:
            assert alerte is not None
            verifier_duree(observation, debut_attendu=alerte.donnees["debut"])
            alerte = None
    assert poste.surveillance.en_alerte is (alerte is not None)
    assert len(poste.de_type(TypeEvenement.PREMIERE_IMAGE)) <= 1


def verifier_duree(fin: Observation, *, debut_attendu: str) -> None:
    assert fin.donnees["debut"] == debut_attendu
    ecart = datetime.fromisoformat(fin.donnees["fin"]) - datetime.fromisoformat(fin.donnees["debut"])
    assert fin.donnees["duree_s"] >= 0
    assert fin.donnees["duree_s"] == pytest.approx(ecart.total_seconds(), abs=0.051)
