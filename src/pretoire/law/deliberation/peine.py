"""Le vote sur la peine : art. 362 CPP (version en vigueur depuis le 1er mars 2022).

« La décision sur la peine se forme à la majorité absolue des votants. Toutefois, le maximum de
la peine privative de liberté encourue ne peut être prononcé qu'à la majorité de sept voix au
moins lorsque la cour d'assises statue en premier ressort et qu'à la majorité de huit voix au
moins lorsque la cour d'assises statue en appel. Si le maximum de la peine encourue n'a pas
obtenu cette majorité, il ne peut être prononcé une peine supérieure à trente ans de réclusion
criminelle lorsque la peine encourue est la réclusion criminelle à perpétuité. Les mêmes règles
sont applicables en cas de détention criminelle. Si la cour d'assises a répondu positivement à
la question portant sur l'application des dispositions du second alinéa de l'article 122-1 du
même code, les peines privatives de liberté d'une durée égale ou supérieure aux deux tiers de la
peine initialement encourue ne peuvent être prononcées qu'à la majorité qualifiée prévue par la
deuxième phrase du présent alinéa.
Si, après deux tours de scrutin, aucune peine n'a réuni la majorité des suffrages, il est
procédé à un troisième tour au cours duquel la peine la plus forte proposée au tour précédent
est écartée. Si, à ce troisième tour, aucune peine n'a encore obtenu la majorité absolue des
votes, il est procédé à un quatrième tour et ainsi de suite, en continuant à écarter la peine
la plus forte, jusqu'à ce qu'une peine soit prononcée. »
Le vote a lieu « séparément pour chaque accusé » (al. 1) ; la cour criminelle départementale
décide « à la majorité » (art. 380-19 4°). Le maximum prononcé s'inscrit avec sa majorité
qualifiée : « à la majorité de huit voix au moins » (Cass. crim., 7 août 1995, n° 95-81.007).

AMBIGUÏTÉ : « la peine la plus forte proposée au tour précédent est écartée » — une peine plus
forte encore pourrait-elle être proposée ? — lecture retenue : toute peine égale ou supérieure
est écartée, sans quoi les tours ne convergeraient pas.
AMBIGUÏTÉ : « Si le maximum de la peine encourue n'a pas obtenu cette majorité » — lecture
retenue : dès qu'un tour où la perpétuité a été proposée ne lui donne pas la majorité qualifiée,
aucune peine supérieure à trente ans ne peut plus être prononcée pour cet accusé. Pour un maximum
à temps, la règle ancienne « vingt ans si trente ans sont encourus » n'est pas établie par les
sources (non vérifié) : elle n'est pas appliquée.
AMBIGUÏTÉ : « les deux tiers de la peine initialement encourue » quand elle est la perpétuité —
lecture retenue : trente ans, durée à laquelle l'art. 122-1 al. 2 CP la ramène (texte connu des
sources par paraphrase) ; la majorité qualifiée est alors exigée dès trente ans.
Art. 122-1 al. 2 CP, connu des sources par paraphrase : la personne dont le discernement était
altéré « demeure punissable », la peine privative de liberté encourue étant « réduite du tiers » ou,
pour la perpétuité, « ramenée à trente ans ». La cour qui a répondu « oui » à cette question ne peut
donc prononcer plus, et les deux tiers de la peine initialement encourue (art. 362 al. 2) exigent la
majorité qualifiée.
AMBIGUÏTÉ : le tiers d'une durée en mois qui ne se divise pas par trois — lecture retenue : le
maximum réduit est arrondi au mois inférieur, jamais au-dessus des deux tiers.
AMBIGUÏTÉ : bulletins blancs ou nuls au vote sur la peine — l'art. 358 vise les scrutins sur les
questions — lecture retenue : ils comptent parmi les votants et ne vont à aucune peine.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from pretoire.law.citations import Jurisprudence, article_cpp
from pretoire.law.deliberation.majorite import DecompteRefuse, Majorite, verifier_le_nombre_de_bulletins
from pretoire.law.deliberation.messages import Duree, Message, Refus, message
from pretoire.law.deliberation.minimums import raison_sous_le_minimum

ARTICLE_362 = article_cpp("362")
CRIM_7_AOUT_1995 = Jurisprudence("Cass. crim.", date(1995, 8, 7), "95-81.007")
TRENTE_ANS_EN_MOIS = 30 * 12


class NaturePeine(enum.StrEnum):
    RECLUSION_CRIMINELLE = "reclusion_criminelle"
    DETENTION_CRIMINELLE = "detention_criminelle"
    EMPRISONNEMENT = "emprisonnement"

    @property
    def criminelle(self) -> bool:
        return self is not NaturePeine.EMPRISONNEMENT

    @property
    def libelle(self) -> str:
        return {
            NaturePeine.RECLUSION_CRIMINELLE: "réclusion criminelle",
            NaturePeine.DETENTION_CRIMINELLE: "détention criminelle",
            NaturePeine.EMPRISONNEMENT: "emprisonnement",
        }[self]


@dataclass(frozen=True)
class Peine:
    """Une peine privative de liberté : sa nature et sa durée en mois, ``None`` pour la perpétuité."""

    nature: NaturePeine
    mois: int | None

    def __post_init__(self) -> None:
        if self.mois is None and not self.nature.criminelle:
            raise ValueError(message("perpetuite_criminelle").en_phrase())
        if self.mois is not None and self.mois <= 0:
            raise ValueError(message("duree_d_un_mois_au_moins").en_phrase())

    @property
    def perpetuite(self) -> bool:
        return self.mois is None

    @property
    def gravite(self) -> tuple[int, int, int]:
        """Ce qui ordonne les peines : la perpétuité, puis la durée, puis la nature criminelle."""
        return (1 if self.mois is None else 0, self.mois or 0, 1 if self.nature.criminelle else 0)

    def plus_forte_que(self, autre: Peine) -> bool:
        return self.gravite > autre.gravite

    def en_lettres(self) -> str:
        """La peine comme l'écrit l'arrêt.

        >>> Peine(NaturePeine.RECLUSION_CRIMINELLE, 18 * 12).en_lettres()
        'dix-huit ans de réclusion criminelle'
        >>> Peine(NaturePeine.EMPRISONNEMENT, 30).en_lettres()
        "deux ans et six mois d'emprisonnement"
        >>> Peine(NaturePeine.RECLUSION_CRIMINELLE, None).en_lettres()
        'la réclusion criminelle à perpétuité'
        """
        if self.mois is None:
            return f"la {self.nature.libelle} à perpétuité"
        liaison = "d'" if self.nature is NaturePeine.EMPRISONNEMENT else "de "
        return f"{Duree(self.mois).en_lettres()} {liaison}{self.nature.libelle}"

    def en_json(self) -> dict[str, object]:
        """Pour l'écran : la peine en chiffres, que le module du navigateur écrit en lettres."""
        return {"nature": self.nature.value, "mois": self.mois}


def ans(annees: int, nature: NaturePeine = NaturePeine.RECLUSION_CRIMINELLE) -> Peine:
    return Peine(nature, annees * 12)


def perpetuite(nature: NaturePeine = NaturePeine.RECLUSION_CRIMINELLE) -> Peine:
    return Peine(nature, None)


class PeineRefusee(Refus):
    """La peine proposée ne peut pas être mise aux voix : rien n'est dépouillé."""


@dataclass(frozen=True)
class RegleDeLaPeine:
    """Ce qu'il faut de voix pour chaque peine, pour un accusé."""

    majorite: Majorite
    maximum: Peine
    alteration: bool = False

    @property
    def votants(self) -> int:
        return self.majorite.votants

    @property
    def majorite_absolue(self) -> int:
        return self.majorite.majorite_absolue

    @property
    def maximum_prononcable(self) -> Peine:
        """Le maximum encouru ; avec l'altération retenue, réduit du tiers ou ramené à trente ans
        (art. 122-1 al. 2 CP).

        >>> from datetime import date
        >>> from pretoire.law.deliberation.majorite import majorite
        >>> from pretoire.law.mise_en_accusation import TypeJuridiction
        >>> du_jour = majorite(TypeJuridiction.COUR_ASSISES, date(2026, 11, 24))
        >>> RegleDeLaPeine(du_jour, ans(20), True).maximum_prononcable.en_lettres()
        'treize ans et quatre mois de réclusion criminelle'
        >>> RegleDeLaPeine(du_jour, perpetuite(), True).maximum_prononcable.en_lettres()
        'trente ans de réclusion criminelle'
        """
        if not self.alteration:
            return self.maximum
        if self.maximum.mois is None:
            return Peine(self.maximum.nature, TRENTE_ANS_EN_MOIS)
        return Peine(self.maximum.nature, self.maximum.mois * 2 // 3)

    def exige_la_majorite_qualifiee(self, peine: Peine) -> bool:
        """Le maximum encouru ; avec l'altération (art. 122-1 al. 2), dès les deux tiers.

        >>> from datetime import date
        >>> from pretoire.law.deliberation.majorite import majorite
        >>> from pretoire.law.mise_en_accusation import TypeJuridiction
        >>> regle = RegleDeLaPeine(majorite(TypeJuridiction.COUR_ASSISES, date(2026, 11, 24)), ans(30), True)
        >>> regle.exige_la_majorite_qualifiee(ans(20)), regle.exige_la_majorite_qualifiee(ans(19))
        (True, False)
        """
        if not peine.plus_forte_que(self.maximum) and peine.gravite[:2] == self.maximum.gravite[:2]:
            return True
        if not self.alteration:
            return False
        if peine.mois is None:
            return True
        initiale = TRENTE_ANS_EN_MOIS * 3 // 2 if self.maximum.mois is None else self.maximum.mois
        return peine.mois * 3 >= initiale * 2

    def voix_exigees(self, peine: Peine) -> int | None:
        """Voix qu'il faut pour prononcer ``peine`` ; None si les textes ne l'établissent pas."""
        if self.exige_la_majorite_qualifiee(peine):
            return self.majorite.voix_pour_le_maximum
        return self.majorite_absolue

    def mention(self, peine: Peine) -> str:
        """La majorité qui s'inscrit avec la peine prononcée, sans nombre de voix réel.

        >>> from datetime import date
        >>> from pretoire.law.deliberation.majorite import majorite
        >>> from pretoire.law.mise_en_accusation import TypeJuridiction
        >>> appel = majorite(TypeJuridiction.COUR_ASSISES_APPEL, date(2026, 11, 24))
        >>> RegleDeLaPeine(appel, ans(20)).mention(ans(20))
        'à la majorité de huit voix au moins'
        >>> RegleDeLaPeine(appel, ans(20)).mention(ans(12))
        'à la majorité absolue des votants'
        """
        if self.majorite.regle.majorite_simple:
            return "à la majorité"
        if self.exige_la_majorite_qualifiee(peine):
            return self.majorite.mention_de_majorite_pour_le_maximum()
        return "à la majorité absolue des votants"

    def verifier(self, peine: Peine) -> None:
        """Refuse ce qui ne peut pas être mis aux voix, avec la raison en français."""
        if peine.plus_forte_que(self.maximum_prononcable):
            if self.alteration:
                raise PeineRefusee(
                    message(
                        "au_dela_du_maximum_reduit",
                        peine=peine,
                        maximum=self.maximum,
                        reduit=self.maximum_prononcable,
                    )
                )
            raise PeineRefusee(message("au_dela_du_maximum", peine=peine, maximum=self.maximum))
        if peine.nature.criminelle and peine.nature is not self.maximum.nature:
            code = "nature_exclue_perpetuite" if self.maximum.perpetuite else "nature_exclue"
            raise PeineRefusee(message(code, maximum=self.maximum, nature=peine.nature.libelle))
        if peine.mois is not None and peine.mois > TRENTE_ANS_EN_MOIS:
            raise PeineRefusee(message("au_dela_de_trente_ans"))
        sous_le_minimum = raison_sous_le_minimum(peine, self.maximum)
        if sous_le_minimum is not None:
            raise PeineRefusee(sous_le_minimum)


@dataclass(frozen=True)
class Proposition:
    """Une peine et le nombre de bulletins qui la portent ; le nombre n'est jamais affiché."""

    peine: Peine
    voix: int = field(repr=False)


@dataclass(frozen=True)
class ToursDeScrutin:
    """Où en sont les tours de scrutin pour un accusé (art. 362 al. 3).

    ``plafond`` : toute peine égale ou supérieure est écartée ; ``motif_du_plafond`` dit pourquoi.
    Le motif et le résultat du dernier tour sont des messages du catalogue (``messages``).
    """

    prochain_tour: int = 1
    plafond: Peine | None = None
    motif_du_plafond: Message | None = None
    peine_prononcee: Peine | None = None
    mention: str | None = None
    dernier_resultat: Message | None = None

    @property
    def termine(self) -> bool:
        return self.peine_prononcee is not None


def depouiller_un_tour(
    regle: RegleDeLaPeine,
    tours: ToursDeScrutin,
    propositions: Sequence[Proposition],
    blancs: int = 0,
    nuls: int = 0,
) -> ToursDeScrutin:
    """Le tour suivant : la peine prononcée s'il y en a une, sinon ce qui est écarté ensuite.

    >>> from datetime import date
    >>> from pretoire.law.deliberation.majorite import majorite
    >>> from pretoire.law.mise_en_accusation import TypeJuridiction
    >>> regle = RegleDeLaPeine(majorite(TypeJuridiction.COUR_ASSISES, date(2026, 11, 24)), perpetuite())
    >>> premier = [Proposition(perpetuite(), 6), Proposition(ans(25), 3)]
    >>> tours = depouiller_un_tour(regle, ToursDeScrutin(), premier)
    >>> tours.peine_prononcee, tours.plafond == perpetuite()
    (None, True)
    >>> second = [Proposition(ans(30), 5), Proposition(ans(20), 4)]
    >>> depouiller_un_tour(regle, tours, second).peine_prononcee.en_lettres()
    'trente ans de réclusion criminelle'
    """
    if tours.termine:
        raise PeineRefusee(message("peine_deja_prononcee"))
    nombres = (*(p.voix for p in propositions), blancs, nuls)
    verifier_le_nombre_de_bulletins(regle.votants, nombres, sum(n for n in nombres if isinstance(n, int)))
    proposees = [p for p in propositions if p.voix > 0]
    vues: set[Peine] = set()
    for proposition in proposees:
        if proposition.peine in vues:
            raise DecompteRefuse(message("peine_en_double", peine=proposition.peine))
        vues.add(proposition.peine)
        regle.verifier(proposition.peine)
        if tours.plafond is not None and not tours.plafond.plus_forte_que(proposition.peine):
            raise PeineRefusee(
                message("peine_ecartee", peine=proposition.peine, motif=tours.motif_du_plafond or "")
            )
    numero = tours.prochain_tour
    majoritaire = next((p for p in proposees if p.voix >= regle.majorite_absolue), None)
    if majoritaire is not None:
        exigees = regle.voix_exigees(majoritaire.peine)
        if exigees is not None and majoritaire.voix >= exigees:
            return ToursDeScrutin(
                prochain_tour=numero,
                plafond=tours.plafond,
                motif_du_plafond=tours.motif_du_plafond,
                peine_prononcee=majoritaire.peine,
                mention=regle.mention(majoritaire.peine),
                dernier_resultat=message(
                    "tour_peine_prononcee",
                    tour=numero,
                    peine=majoritaire.peine,
                    mention=regle.mention(majoritaire.peine),
                ),
            )
    plafond, motif = tours.plafond, tours.motif_du_plafond
    perpetuite_manquee = any(
        p.peine.perpetuite and (regle.voix_exigees(p.peine) or regle.votants + 1) > p.voix for p in proposees
    )
    if perpetuite_manquee and plafond is None:
        plafond = regle.maximum
        motif = message("motif_maximum_sans_majorite_qualifiee")
    if numero >= 2 and proposees:
        la_plus_forte = max((p.peine for p in proposees), key=lambda p: p.gravite)
        if plafond is None or plafond.plus_forte_que(la_plus_forte):
            plafond = la_plus_forte
            motif = message("motif_peine_la_plus_forte", tour=numero, suivant=numero + 1)
    resultat = message("tour_sans_majorite", tour=numero)
    if majoritaire is not None:
        exigees = regle.voix_exigees(majoritaire.peine)
        code = "tour_sans_majorite_qualifiee" if exigees is not None else "tour_majorite_non_etablie"
        resultat = message(code, tour=numero, peine=majoritaire.peine)
    return ToursDeScrutin(
        prochain_tour=numero + 1,
        plafond=plafond,
        motif_du_plafond=motif,
        dernier_resultat=resultat,
    )


__all__ = [
    "ARTICLE_362",
    "CRIM_7_AOUT_1995",
    "NaturePeine",
    "Peine",
    "PeineRefusee",
    "Proposition",
    "RegleDeLaPeine",
    "ToursDeScrutin",
    "ans",
    "depouiller_un_tour",
    "perpetuite",
]
