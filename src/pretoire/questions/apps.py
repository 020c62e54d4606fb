from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "pretoire.questions"
    verbose_name = "Feuille de questions"
