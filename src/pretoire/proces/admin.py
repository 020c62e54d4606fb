from django.contrib import admin

from .models import (
    Accuse,
    Affaire,
    Affectation,
    DecisionMiseEnAccusation,
    Fait,
    JourAudience,
    Jure,
    Juridiction,
    Participation,
    Session,
    Victime,
)


class ParticipationEnLigne(admin.TabularInline):
    model = Participation
    extra = 0


@admin.register(Fait)
class FaitAdmin(admin.ModelAdmin):
    list_display = ("identifiant", "qualification", "decision", "lieu")
    inlines = [ParticipationEnLigne]


class AffectationEnLigne(admin.TabularInline):
    model = Affectation
    extra = 0


class JureEnLigne(admin.TabularInline):
    """Le jury de jugement, saisi par le greffe dans l'ordre du tirage au sort."""

    model = Jure
    extra = 0


@admin.register(Affaire)
class AffaireAdmin(admin.ModelAdmin):
    list_display = ("numero", "intitule", "session")
    inlines = [AffectationEnLigne, JureEnLigne]


for modele in (Juridiction, Session, JourAudience, Accuse, Victime, DecisionMiseEnAccusation, Affectation):
    admin.site.register(modele)
