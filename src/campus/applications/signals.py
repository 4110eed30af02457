"""Domain signals of applications, answered by the apps above it (admissions, interviews …) so that the
applications app names none of them.

``application_withdrawn(sender=Application, application, actor)`` is sent by ``services.withdraw`` inside the
transaction that withdraws the application (once: withdrawing twice sends nothing). A receiver that fails
rolls the withdrawal back, so a withdrawn application never keeps an open offer.

``call_dates_shifted(sender=Call, call, days, actor)`` is sent by ``services.open_call_for`` when it moved the
edition's later dates by ``days``: apps above move theirs (admissions: the release moment).
"""

from django.dispatch import Signal

application_withdrawn = Signal()
call_dates_shifted = Signal()
