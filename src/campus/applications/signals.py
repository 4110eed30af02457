"""Domain signals of applications, answered by the apps above it (admissions, interviews …) so that the
applications app names none of them.

``application_withdrawn(sender=Application, application, actor)`` is sent by ``services.withdraw`` inside the
transaction that withdraws the application (once: withdrawing twice sends nothing). A receiver that fails
rolls the withdrawal back, so a withdrawn application never keeps an open offer.
"""

from django.dispatch import Signal

application_withdrawn = Signal()
