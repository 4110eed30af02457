"""Who may do what with news lists: the one place these rules live (tested with data that could leak).

- The staff section (subscribers, counts, messages, the export) is open to programme managers (of some edition):
  lists are the programme's, not an edition's.
- A subscriber sees and changes only their own subscription, through the token in their mail.
"""

from campus.team.permissions import Role, holds_any

can_use_news = holds_any(Role.MANAGER)
