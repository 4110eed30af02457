"""The canvas types shipped with the campus (loaded by migration 0002; staff edit and add types afterwards in
the content editor). Each box: (key, title, prompt, row, column, row_span, column_span). The prompts are written
for cluster managers: the "customer" of a cluster is usually its members."""

TYPES = [
    {"key": "swot", "title": "SWOT analysis", "columns": 2, "rows": 2, "order": 10,
     "description": "Strengths and weaknesses inside your cluster organisation, opportunities and threats around it.",
     "boxes": [
         ("strengths", "Strengths", "What does your cluster do better than others? Which members, skills, "
          "facilities or relations do others envy?", 1, 1, 1, 1),
         ("weaknesses", "Weaknesses", "Where does the cluster fall short: funding, staff, member engagement, "
          "visibility, missing competences?", 1, 2, 1, 1),
         ("opportunities", "Opportunities", "Which trends, policies, funding programmes or markets could the "
          "cluster and its members use in the next years?", 2, 1, 1, 1),
         ("threats", "Threats", "What could hurt the cluster: competing clusters, members leaving, ending "
          "funding, regulation, technology shifts?", 2, 2, 1, 1),
     ]},
    {"key": "business-model", "title": "Business model canvas", "columns": 10, "rows": 3, "order": 20,
     "description": "How the cluster organisation creates, delivers and captures value, in nine building blocks.",
     "boxes": [
         ("key-partners", "Key partners", "Who helps the cluster deliver: universities, regional agencies, "
          "other clusters, funders? What does each bring?", 1, 1, 2, 2),
         ("key-activities", "Key activities", "What must the cluster team do well: matchmaking, projects, "
          "events, internationalisation, lobbying?", 1, 3, 1, 2),
         ("key-resources", "Key resources", "Which people, networks, data, facilities and funds does the "
          "cluster rely on?", 2, 3, 1, 2),
         ("value-propositions", "Value propositions", "Why do members join and stay? Which problems of theirs "
          "does the cluster solve?", 1, 5, 2, 2),
         ("relationships", "Member relationships", "How does the team stay in touch with each member group: "
          "personal account managers, working groups, a newsletter?", 1, 7, 1, 2),
         ("channels", "Channels", "Through which meetings, platforms and media do members hear of and use "
          "the cluster's services?", 2, 7, 1, 2),
         ("segments", "Member segments", "Which groups does the cluster serve: SMEs, large firms, research, "
          "public bodies, start-ups? Which matter most?", 1, 9, 2, 2),
         ("costs", "Cost structure", "What are the main costs of running the cluster, and which are fixed?",
          3, 1, 1, 5),
         ("revenues", "Revenue streams", "Where does the money come from: fees, services, projects, public "
          "funding? How dependent is the cluster on each?", 3, 6, 1, 5),
     ]},
    {"key": "pestel", "title": "PESTEL analysis", "columns": 3, "rows": 2, "order": 30,
     "description": "The political, economic, social, technological, environmental and legal forces around the "
                    "cluster's members.",
     "boxes": [
         ("political", "Political", "Which regional, national and EU policies, strategies and elections shape "
          "the cluster's field?", 1, 1, 1, 1),
         ("economic", "Economic", "Growth, investment, energy prices, labour costs, exchange rates: what moves "
          "your members' business?", 1, 2, 1, 1),
         ("social", "Social", "Demography, skills, attitudes and ways of working that affect members and their "
          "customers.", 1, 3, 1, 1),
         ("technological", "Technological", "Which technologies change how members produce, sell or compete?",
          2, 1, 1, 1),
         ("environmental", "Environmental", "Climate targets, resources, circularity: what do they ask of "
          "members, and what do they open?", 2, 2, 1, 1),
         ("legal", "Legal", "Laws, standards, state-aid and data rules the cluster and its members must "
          "follow or will soon.", 2, 3, 1, 1),
     ]},
    {"key": "five-forces", "title": "Porter's five forces", "columns": 3, "rows": 3, "order": 40,
     "description": "The competitive pressure in the industry of the cluster's core members.",
     "boxes": [
         ("new-entrants", "Threat of new entrants", "How easily can new firms or regions enter the members' "
          "market? What keeps them out?", 1, 2, 1, 1),
         ("suppliers", "Power of suppliers", "Do a few suppliers of materials, energy or talent set the terms "
          "for members?", 2, 1, 1, 1),
         ("rivalry", "Rivalry among competitors", "How hard do the members' competitors fight on price, "
          "quality and innovation?", 2, 2, 1, 1),
         ("buyers", "Power of buyers", "Can the members' customers switch easily or press prices down?",
          2, 3, 1, 1),
         ("substitutes", "Threat of substitutes", "Which other products, services or technologies could "
          "replace what members sell?", 3, 2, 1, 1),
     ]},
    {"key": "stakeholder-map", "title": "Stakeholder map", "columns": 2, "rows": 2, "order": 50,
     "description": "The cluster's stakeholders placed by their influence on it and their interest in it.",
     "boxes": [
         ("keep-satisfied", "High influence, low interest: keep satisfied", "Who could block or enable the "
          "cluster but pays little attention? How do you keep them on side?", 1, 1, 1, 1),
         ("manage-closely", "High influence, high interest: manage closely", "Who shapes the cluster and cares "
          "about it: key members, funders, the region? Involve them in decisions.", 1, 2, 1, 1),
         ("monitor", "Low influence, low interest: monitor", "Who is around the cluster but neither affected "
          "nor powerful? Watch for changes.", 2, 1, 1, 1),
         ("keep-informed", "Low influence, high interest: keep informed", "Who cares about the cluster's work "
          "but has little say: smaller members, citizens, students? Keep them informed.", 2, 2, 1, 1),
     ]},
    {"key": "value-proposition", "title": "Cluster value proposition", "columns": 4, "rows": 2, "order": 60,
     "description": "What the cluster offers (left) against what its members need (right).",
     "boxes": [
         ("services", "Services and offers", "Which services, projects, events and platforms does the cluster "
          "offer its members?", 1, 1, 2, 1),
         ("gain-creators", "Gain creators", "How do these offers bring members the results they hope for?",
          1, 2, 1, 1),
         ("pain-relievers", "Pain relievers", "How do these offers take away members' problems and risks?",
          2, 2, 1, 1),
         ("gains", "Member gains", "What would make a member say the cluster was worth it: contracts, "
          "partners, funding, visibility, skills?", 1, 3, 1, 1),
         ("pains", "Member pains", "What frustrates members or stops them: lack of time, partners, "
          "information, money, skilled people?", 2, 3, 1, 1),
         ("jobs", "Member jobs", "What are members trying to get done in their business, where the cluster "
          "could help?", 1, 4, 2, 1),
     ]},
]


def load(CanvasType, CanvasBox) -> int:  # noqa: N803 - the historical models of a migration
    """Create the shipped types that are missing (by key); existing ones, perhaps edited by staff, are left."""
    made = 0
    for spec in TYPES:
        kind, created = CanvasType.objects.get_or_create(key=spec["key"], defaults={
            "title": spec["title"], "description": spec["description"], "columns": spec["columns"],
            "rows": spec["rows"], "order": spec["order"]})
        if not created:
            continue
        made += 1
        CanvasBox.objects.bulk_create(
            CanvasBox(canvas_type=kind, key=key, title=title, prompt=prompt, row=row, column=column, row_span=rs,
                      column_span=cs, order=i)
            for i, (key, title, prompt, row, column, rs, cs) in enumerate(spec["boxes"]))
    return made
