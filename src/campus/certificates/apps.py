from django.apps import AppConfig


class CertificatesConfig(AppConfig):
    name = "campus.certificates"
    label = "certificates"
    verbose_name = "Certificates"
    # Its staff section, participant section, home block, mail event and privacy handler are registered from
    # plugin.py (campus.core.plugins).
