"""A deterministic generator of news-like articles for the benchmark, with planted facts to ask about.

Articles are composed from sentence templates and vocabularies (countries, cities, companies, officials,
sectors, figures, dates, quotes), 400–900 words each, written as Markdown files with front matter
(title, source, date) that the assistant's reader and cleaner keep as they are. Every slot is filled at
random from a seeded generator, so the text is the same for the same seed and almost never repeats a
sentence. Each article carries one planted fact about a company whose name is unique in the corpus; a
question about it has exactly one right passage, which is how retrieval quality (hit@k) is measured.

The corpus grows article by article until the assistant's own chunker (``assistant.ingest.chunk``) has
cut about the requested number of chunks from it.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

# --- vocabularies ----------------------------------------------------------------------------------

COUNTRIES = [
    "Japan", "Germany", "France", "Brazil", "India", "Canada", "Mexico", "Indonesia", "South Korea", "Australia",
    "Italy", "Spain", "Poland", "Turkey", "Vietnam", "Chile", "Peru", "Kenya", "Nigeria", "Egypt", "Morocco",
    "Norway", "Sweden", "Finland", "the Netherlands", "Belgium", "Portugal", "Greece", "Thailand", "Malaysia",
    "the Philippines", "Argentina", "Colombia", "South Africa", "Ghana", "Ethiopia", "Saudi Arabia", "Qatar",
    "Kazakhstan", "New Zealand", "Ireland", "Austria", "Switzerland", "Denmark", "Czechia", "Romania",
]
CITIES = [
    "Osaka", "Hamburg", "Lyon", "Sao Paulo", "Pune", "Calgary", "Monterrey", "Surabaya", "Busan", "Perth",
    "Turin", "Valencia", "Gdansk", "Izmir", "Da Nang", "Antofagasta", "Arequipa", "Mombasa", "Lagos",
    "Alexandria", "Tangier", "Bergen", "Gothenburg", "Tampere", "Rotterdam", "Antwerp", "Porto", "Thessaloniki",
    "Chiang Mai", "Penang", "Cebu", "Rosario", "Medellin", "Durban", "Kumasi", "Dire Dawa", "Dammam",
    "Almaty", "Auckland", "Cork", "Linz", "Basel", "Aarhus", "Brno", "Cluj", "Nagoya", "Leipzig", "Marseille",
    "Curitiba", "Chennai", "Winnipeg", "Guadalajara", "Daegu", "Adelaide",
]
INSTITUTIONS = [
    "the finance ministry", "the trade ministry", "the central bank", "the energy regulator",
    "the competition authority", "the statistics office", "the transport ministry", "the port authority",
    "the health ministry", "the labour ministry", "the environment agency", "the national grid operator",
    "the securities regulator", "the agriculture ministry", "the industry ministry", "parliament's budget committee",
]
ROLES = [
    "chief economist", "finance minister", "trade minister", "deputy governor", "head of research",
    "chief executive", "chief financial officer", "spokesperson", "senior analyst", "union leader",
    "energy minister", "industry minister", "portfolio manager", "board chair", "regional director",
    "policy adviser", "mayor", "opposition lawmaker", "head of strategy", "procurement chief",
]
FIRST_NAMES = [
    "Amara", "Bjorn", "Camila", "Dmitri", "Elena", "Farid", "Greta", "Hiroshi", "Ines", "Jonas", "Kavya",
    "Lukas", "Mariana", "Nikolai", "Olga", "Pedro", "Quentin", "Rania", "Stefan", "Tomoko", "Umar", "Valeria",
    "Wen", "Ximena", "Yusuf", "Zofia", "Aditi", "Bruno", "Chiara", "Diego", "Esther", "Felix", "Gabriela",
    "Hassan", "Ingrid", "Javier", "Keiko", "Leila", "Marco", "Nadia", "Oscar", "Priya", "Rafael", "Sana",
    "Tobias", "Ursula", "Viktor", "Wanjiru", "Yara", "Zainab", "Anders", "Beatriz", "Claudia", "Emeka",
]
LAST_NAMES = [
    "Okafor", "Lindqvist", "Moreau", "Tanaka", "Kowalski", "Haddad", "Fernandes", "Novak", "Petrov", "Sato",
    "Mensah", "Dubois", "Rossi", "Schneider", "Yilmaz", "Nguyen", "Castillo", "Kariuki", "Andersen", "Costa",
    "Ibrahim", "Jansen", "Kim", "Larsen", "Mahlaba", "Nakamura", "Oliveira", "Park", "Quispe", "Rahman",
    "Silva", "Takahashi", "Ueda", "Varga", "Wagner", "Xu", "Yamamoto", "Zielinski", "Abiodun", "Bergstrom",
    "Chaudhry", "Delgado", "Eriksen", "Fujita", "Gallagher", "Horvath", "Iyer", "Jovanovic", "Keller", "Lopez",
    "Mwangi", "Nilsson", "Ortega", "Pereira", "Reyes", "Sorensen", "Toure", "Vasquez", "Weber", "Zhou",
]
SOURCES = [
    "Meridian Wire", "The Harbour Ledger", "Northgate Times", "Continental Business Review", "The Daily Dispatch",
    "Atlas Economic Post", "Coastline Herald", "The Market Bulletin", "Eastern Courier", "Global Trade Journal",
    "The Evening Standardbearer", "Summit News Service",
]
STEM_START = ["Val", "Kor", "Bri", "Tes", "Mar", "Quin", "Dro", "Fen", "Hal", "Ost", "Pel", "Ruv", "Sav", "Tal",
              "Ver", "Zan", "Lum", "Cad", "Nor", "Ark", "Bel", "Cor", "Del", "Est", "Gal", "Ith", "Jor", "Kel",
              "Lor", "Mev"]
STEM_MIDDLE = ["a", "e", "i", "o", "u", "ai", "en", "or", "an", "el", "is", "ar"]
STEM_END = ["dex", "mora", "lith", "vane", "ris", "tek", "gard", "nova", "lon", "sync", "thal", "wick", "bury",
            "mont", "ford", "quist"]
COMPANY_KINDS = ["Holdings", "Dynamics", "Minerals", "Logistics", "Energy", "Systems", "Foods", "Pharma",
                 "Capital", "Robotics", "Materials", "Networks"]
# Planted facts are about companies of these kinds only, so no background company shares their name.
ENTITY_KINDS = ["Industries", "Group", "Technologies", "Partners", "Resources", "Aerospace", "Chemicals", "Motors",
                "Biotech", "Shipping", "Instruments", "Ventures"]
CURRENCIES = ["dollars", "euros", "yen", "pounds", "Swiss francs", "Canadian dollars"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
QUARTERS = ["first", "second", "third", "fourth"]

# Topic vocabularies: the sector as named in prose, its products, facilities and the pressures on it.
TOPICS: dict[str, dict[str, list[str]]] = {
    "semiconductors": {
        "sector": ["chipmaking", "the semiconductor industry", "advanced packaging", "memory chip production"],
        "product": ["logic chips", "memory modules", "power semiconductors", "wafer inspection tools",
                    "lithography components"],
        "facility": ["chip fabrication plant", "packaging line", "wafer plant", "design centre"],
        "pressure": ["export controls", "a shortage of engineers", "soaring water costs", "weak smartphone sales"],
        "title": ["{country} Courts Chipmakers With New Subsidy Round", "{company} Expands {product} Output in {city}",
                  "Chip Alliance Between {country} and {country2} Takes Shape"],
    },
    "energy": {
        "sector": ["the power sector", "offshore wind", "the gas market", "solar manufacturing", "grid storage"],
        "product": ["liquefied natural gas", "solar panels", "wind turbines", "grid batteries", "green hydrogen"],
        "facility": ["wind farm", "battery storage site", "gas terminal", "solar park", "electrolyser plant"],
        "pressure": ["volatile gas prices", "grid bottlenecks", "permitting delays", "falling subsidies"],
        "title": ["{country} Bets on {product} as Winter Demand Looms", "{company} Wins Grid Contract in {city}",
                  "Energy Prices Ease in {country} After Mild Autumn"],
    },
    "trade": {
        "sector": ["container shipping", "the export sector", "cross-border trade", "freight forwarding"],
        "product": ["steel coils", "auto parts", "processed food", "machine tools", "textiles"],
        "facility": ["container terminal", "logistics hub", "bonded warehouse", "rail freight yard"],
        "pressure": ["new tariffs", "congested ports", "a strong currency", "slowing demand in Asia"],
        "title": ["{country} and {country2} Reopen Talks on {product} Tariffs", "Exports From {city} Hit a Two-Year High",
                  "{company} Reroutes Shipments Amid Port Congestion"],
    },
    "agriculture": {
        "sector": ["farming", "the dairy industry", "grain exports", "fertiliser supply"],
        "product": ["wheat", "coffee beans", "soybeans", "cocoa", "fertiliser", "palm oil"],
        "facility": ["grain terminal", "processing plant", "cold storage depot", "seed laboratory"],
        "pressure": ["a late harvest", "drought in the south", "higher fertiliser prices", "crop disease"],
        "title": ["Drought Trims {country}'s {product} Harvest", "{company} Buys Stake in {city} Processor",
                  "Farmers in {country} Brace for Lower {product} Prices"],
    },
    "finance": {
        "sector": ["the banking sector", "bond markets", "consumer lending", "the housing market"],
        "product": ["government bonds", "mortgages", "small-business loans", "green bonds"],
        "facility": ["trading floor", "regional headquarters", "operations centre", "data centre"],
        "pressure": ["sticky inflation", "rising bad loans", "a slowing housing market", "tighter capital rules"],
        "title": ["Central Bank of {country} Holds Rates, Signals Caution", "{company} Raises Guidance After Strong Quarter",
                  "Bond Yields in {country} Climb on Budget Worries"],
    },
    "transport": {
        "sector": ["rail freight", "aviation", "urban transit", "electric vehicles", "shipbuilding"],
        "product": ["electric buses", "regional jets", "freight wagons", "charging stations", "container ships"],
        "facility": ["assembly plant", "maintenance depot", "shipyard", "charging hub"],
        "pressure": ["a shortage of drivers", "rising fuel costs", "supply chain delays", "weak ridership"],
        "title": ["{city} Orders Fleet of {product}", "{company} Opens {facility} Near {city}",
                  "Rail Link Between {country} and {country2} Wins Funding"],
    },
    "health": {
        "sector": ["the hospital sector", "drug manufacturing", "medical devices", "public health"],
        "product": ["generic medicines", "vaccines", "diagnostic kits", "hospital beds", "insulin pumps"],
        "facility": ["research campus", "vaccine plant", "teaching hospital", "distribution centre"],
        "pressure": ["staff shortages", "longer waiting lists", "drug price caps", "an ageing population"],
        "title": ["{country} Moves to Cut Hospital Waiting Lists", "{company} Wins Approval for {product}",
                  "Health Budget in {country} Rises for Third Year"],
    },
    "mining": {
        "sector": ["copper mining", "lithium extraction", "rare earth processing", "the nickel industry"],
        "product": ["copper concentrate", "lithium carbonate", "rare earth oxides", "nickel ore", "cobalt"],
        "facility": ["refinery", "open-pit mine", "smelter", "processing hub"],
        "pressure": ["community protests", "falling ore grades", "new royalty rules", "power outages"],
        "title": ["{country} Lures Investors to {product} Projects", "{company} Restarts Mine Near {city}",
                  "Battery Metals Race Reaches {country}"],
    },
    "technology": {
        "sector": ["cloud computing", "artificial intelligence", "the software industry", "telecommunications"],
        "product": ["data centre capacity", "AI models", "fibre networks", "satellite links", "payment software"],
        "facility": ["data centre", "research lab", "network operations centre", "software campus"],
        "pressure": ["power constraints", "new privacy rules", "a talent shortage", "higher interest rates"],
        "title": ["{company} Plans AI Hub in {city}", "{country} Drafts Rules for {product}",
                  "Telecom Groups in {country} Race to Expand {product}"],
    },
    "labour": {
        "sector": ["manufacturing", "the public sector", "retail", "construction", "logistics"],
        "product": ["wage agreements", "training schemes", "pension reforms", "apprenticeships"],
        "facility": ["training centre", "factory", "distribution warehouse", "regional office"],
        "pressure": ["a tight labour market", "strike threats", "rising living costs", "automation"],
        "title": ["Unions in {country} Reach Wage Deal", "{company} to Hire Workers in {city}",
                  "Jobless Rate in {country} Falls to Record Low"],
    },
}

# Sentence templates. Slots: {country} {country2} {city} {company} {person} {role} {inst} {sector}
# {product} {facility} {pressure} {n} {n2} {pct} {pct2} {amount} {currency} {month} {weekday} {year}
# {quarter} {quote}. Every template carries at least two random slots so sentences rarely repeat.
LEDES = [
    "{company} said on {weekday} it would invest {amount} million {currency} in a new {facility} in {city}, the latest sign that {sector} in {country} is regaining momentum.",
    "{country} and {country2} agreed on {weekday} to deepen cooperation in {sector}, a move officials said could lift trade in {product} by {pct} percent over the next {n} years.",
    "Officials in {country} unveiled a plan on {weekday} to support {sector}, setting aside {amount} million {currency} to offset {pressure}.",
    "{inst_cap} of {country} reported on {weekday} that output in {sector} rose {pct} percent in {month}, beating the forecasts of most economists.",
    "Shares of {company} rose {pct} percent on {weekday} after the group said demand for its {product} had held up despite {pressure}.",
    "A deal to expand {sector} between {country} and {country2} moved closer on {weekday}, as negotiators in {city} settled a dispute over {product}.",
    "{company} plans to cut {n} jobs at its {facility} in {city}, blaming {pressure} and a slowdown in orders for {product}.",
    "The government of {country} will tighten rules on {product} from {month}, {inst} said on {weekday}, citing {pressure}.",
]
GENERIC = [
    "The announcement comes after a difficult year for {sector}, which has struggled with {pressure} since early {year}.",
    "Analysts at {company} estimate that {sector} in {country} employs about {n},{n3} people, most of them around {city}.",
    "Exports of {product} from {country} reached {amount} million {currency} in {month}, up {pct} percent from a year earlier.",
    "{inst_cap} said the measures for {sector} would be reviewed in {month} {year2}, once the effect on prices in {city} became clearer.",
    "Investors have watched {sector} closely since {company} warned in {month} that {pressure} would weigh on margins.",
    "Prices for {product} have fallen {pct} percent since {month}, according to figures compiled by {inst}.",
    "The {amount} million {currency} plan still needs approval from {inst}, which is expected to rule before the end of {month}.",
    "Critics argue that the support for {sector} favours large groups such as {company} over smaller suppliers in {city}.",
    "Trade between {country} and {country2} in {product} was worth roughly {amount} million {currency} last year.",
    "{person}, {a_role} at {company}, said the figures pointed to a gradual recovery rather than a sharp rebound.",
    "Local officials in {city} welcomed the decision, saying it could bring about {n}00 jobs to the region within {n2} years.",
    "The move follows a similar programme in {country2}, where {sector} received {amount} million {currency} in state support in {year}.",
    "Concerns about {pressure} have pushed several firms in {sector} to delay investment decisions until {year2}.",
    "According to {inst}, the number of companies active in {sector} in {country} has grown by {pct} percent in {n2} years.",
    "{company} did not respond to a request for comment on the report, which was first published in {month}.",
    "Economists polled before the announcement had expected growth of about {pct2} percent in {sector} this year.",
    "Demand for {product} in {country} is forecast to rise {pct} percent a year until {year2}, according to {company}.",
    "The {facility} near {city} is expected to start operating in {month} {year2} and to reach full capacity a year later.",
    "Earlier this month, {person}, {role} at {inst}, warned that {pressure} could slow the recovery of {sector}.",
    "Several lenders, including {company}, have offered to finance the project, which is valued at {amount} million {currency}.",
    "Unions in {city} said they would seek guarantees that the {n}00 workers at the {facility} keep their contracts.",
    "Data published by {inst} on {weekday} showed that imports of {product} fell {pct} percent in the {quarter} quarter.",
    "The region around {city} accounts for about {pct} percent of {country}'s output of {product}.",
    "Officials from {country} and {country2} are due to meet again in {city} in {month} to review progress.",
    "{company} has spent {amount} million {currency} on {product} since {year}, more than any rival in {country}.",
    "Industry groups said {pressure} remained the main risk for {sector}, ahead of competition from {country2}.",
    "Opposition lawmakers in {country} questioned the cost of the plan, estimating it at {amount} million {currency} over {n2} years.",
    "The decision was taken after {n2} months of consultations with {n} companies, unions and local authorities in {city}.",
]
QUOTE_LINES = [
    "\"{quote},\" {person}, {role} at {company}, said in an interview in {city}.",
    "\"{quote},\" said {person}, {role} at {inst}.",
    "{person}, {role} at {company}, told reporters on {weekday}: \"{quote}.\"",
    "\"{quote},\" {person}, {a_role} who follows {sector} in {country}, said in a note to clients.",
]
QUOTES = [
    "We expect demand for {product} to stay firm at least until {year2}",
    "The priority now is to deal with {pressure} before it spreads to the rest of {sector}",
    "Nobody in {city} should expect a quick fix, but the direction is clear",
    "This is the largest investment {sector} in {country} has seen in {n2} years",
    "We are talking to partners in {country2} about sharing the cost of the {facility}",
    "Prices for {product} will not return to the levels of {year} any time soon",
    "Our customers in {country} have been asking for more {product} since {month}",
    "The rules announced by {inst} give companies like ours the certainty we needed",
    "If {pressure} continues, some plants in {city} will have to close",
    "We will hire around {n}00 people for the {facility} over the next {n2} years",
]
OUTLOOKS = [
    "{inst_cap} is expected to publish its next assessment of {sector} in {country} in {month} {year2}.",
    "Analysts at {company} said the outlook for {sector} in {country} would depend on how quickly {pressure} fades, perhaps by {month} {year2}.",
    "{company} is due to report results for the {quarter} quarter on {month} {day}.",
    "Talks between {country} and {country2} on {product} are scheduled to resume in {month} {year2}.",
    "The next round of figures from {inst} is due on {month} {day}, and markets in {city} will watch them closely.",
]

# Planted facts: (sentence, question, answer). The company is unique to the article.
FACTS: list[tuple[str, str, str]] = [
    ("{entity} agreed to pay {fact_amount} million {currency} for a {facility} in {fact_city}, according to people familiar with the deal.",
     "How much did {entity} agree to pay for the {facility} in {fact_city}?", "{fact_amount} million"),
    ("{entity} named {fact_person} as its new chief executive, effective from the start of {fact_month}.",
     "Who did {entity} name as its new chief executive?", "{fact_person}"),
    ("{entity} plans to open a {facility} in {fact_city} that will employ {fact_jobs} people by {year2}.",
     "How many people will the {facility} that {entity} plans in {fact_city} employ?", "{fact_jobs}"),
    ("{entity} reported a net profit of {fact_amount} million {currency} for the {quarter} quarter, up {pct} percent from a year earlier.",
     "What net profit did {entity} report for the {quarter} quarter?", "{fact_amount} million"),
    ("Regulators fined {entity} {fact_amount} million {currency} for breaching rules on {product}.",
     "How large was the fine imposed on {entity} over {product}?", "{fact_amount} million"),
    ("{entity} will move its headquarters from {city} to {fact_city} next year, the company confirmed.",
     "Where is {entity} moving its headquarters to?", "{fact_city}"),
]


@dataclass(frozen=True)
class Query:
    """A question whose answer was planted in exactly one article."""

    question: str
    answer: str  # a string the right passage contains
    entity: str  # the company, unique in the corpus, the right passage also contains
    path: str  # the article file (relative to the corpus folder)

    def found_in(self, text: str) -> bool:
        """True when ``text`` is a passage that answers the question."""
        return self.answer in text and self.entity in text


@dataclass
class Corpus:
    """What `write_corpus` wrote: files, counts and the questions with known answers."""

    folder: Path
    files: list[Path] = field(default_factory=list)
    chunks: int = 0  # as the assistant's chunker cuts them
    words: int = 0
    queries: list[Query] = field(default_factory=list)

    def sample_queries(self, n: int) -> list[Query]:
        """``n`` of the planted questions, spread evenly over the corpus (deterministic)."""
        if n >= len(self.queries):
            return list(self.queries)
        step = len(self.queries) / n
        return [self.queries[int(i * step)] for i in range(n)]


class _Writer:
    """Fills templates for one article from a seeded generator."""

    def __init__(self, rng: random.Random, used_entities: set[str]) -> None:
        self.rng = rng
        self.used = used_entities
        # The article's cast: most sentences talk about the same places, firms and people, as news does.
        self.cast: dict[str, str] = {}

    def person(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"

    def company(self, kinds: list[str] = COMPANY_KINDS) -> str:
        r = self.rng
        return f"{r.choice(STEM_START)}{r.choice(STEM_MIDDLE)}{r.choice(STEM_END)} {r.choice(kinds)}"

    def unique_company(self) -> str:
        for _ in range(1000):
            name = self.company(ENTITY_KINDS)
            if name not in self.used:
                self.used.add(name)
                return name
        # The name space (about 69,000) is nearly used up: add a distinguishing word.
        name = f"{self.company(ENTITY_KINDS)} {len(self.used) + 1}"  # the count never repeats
        self.used.add(name)
        return name

    def slots(self, topic: dict[str, list[str]], year: int) -> dict[str, str]:
        r = self.rng
        country, country2 = r.sample(COUNTRIES, 2)
        inst = r.choice(INSTITUTIONS)
        return {
            "country": country, "country2": country2, "city": r.choice(CITIES), "company": self.company(),
            "person": self.person(), "role": r.choice(ROLES), "inst": inst, "inst_cap": inst[0].upper() + inst[1:],
            "sector": r.choice(topic["sector"]), "product": r.choice(topic["product"]),
            "facility": r.choice(topic["facility"]), "pressure": r.choice(topic["pressure"]),
            "n": str(r.randint(2, 40)), "n2": str(r.randint(2, 9)), "n3": f"{r.randint(0, 999):03d}",
            "pct": f"{r.randint(1, 38)}.{r.randint(0, 9)}", "pct2": f"{r.randint(0, 6)}.{r.randint(0, 9)}",
            "amount": f"{r.randint(12, 4800)}", "currency": r.choice(CURRENCIES), "month": r.choice(MONTHS),
            "weekday": r.choice(WEEKDAYS), "year": str(year - r.randint(1, 6)), "year2": str(year + r.randint(1, 6)),
            "quarter": r.choice(QUARTERS), "day": str(r.randint(1, 28)),
        }

    def fill(self, template: str, topic: dict[str, list[str]], year: int, fixed: dict[str, str] | None = None) -> str:
        values = self.slots(topic, year)
        for key, value in self.cast.items():
            if self.rng.random() < 0.7:
                values[key] = value
        if fixed:
            values.update(fixed)
        role = values["role"]
        values["a_role"] = f"{'an' if role[0] in 'aeiou' else 'a'} {role}"
        if "{quote}" in template:
            values["quote"] = self.rng.choice(QUOTES).format(**values)
        return template.format(**values)


def _article(rng: random.Random, used: set[str], index: int) -> tuple[str, str, Query]:
    """One article as (file name, Markdown text with front matter, its planted question)."""
    w = _Writer(rng, used)
    topic_name = rng.choice(sorted(TOPICS))
    topic = TOPICS[topic_name]
    day = date(2023, 1, 1) + timedelta(days=rng.randint(0, 3 * 365 - 1))
    year = day.year
    target_words = rng.randint(420, 880)  # lands within 400–900 words

    entity = w.unique_company()
    fact_values = {
        "entity": entity, "fact_city": rng.choice(CITIES), "fact_person": w.person(),
        "fact_amount": f"{rng.randint(11, 2999)}.{rng.randint(1, 9)}", "fact_jobs": f"{rng.randint(2, 60)},{rng.randint(1, 9)}{rng.randint(0, 99):02d}",
        "fact_month": rng.choice(MONTHS),
    }
    fact_sentence, fact_question, fact_answer = rng.choice(FACTS)
    shared = w.slots(topic, year)  # the article's fact and its question agree on these
    shared.update(fact_values)
    fact_text = fact_sentence.format(**shared)
    question = fact_question.format(**shared)
    answer = fact_answer.format(**shared)

    cast = w.slots(topic, year)
    w.cast = {k: cast[k] for k in ("country", "country2", "city", "company", "person", "role", "sector", "product",
                                   "facility", "pressure", "inst", "inst_cap")}
    title = rng.choice(topic["title"]).format(**cast)
    paragraphs: list[list[str]] = [[w.fill(rng.choice(LEDES), topic, year), w.fill(rng.choice(GENERIC), topic, year)]]
    words = sum(len(s.split()) for s in paragraphs[0])
    generic = list(GENERIC)
    rng.shuffle(generic)
    quotes = list(QUOTE_LINES)
    # The planted fact and the closing line add about 45 words.
    budget = target_words - 45
    while words < budget:
        para: list[str] = []
        for _ in range(rng.randint(2, 4)):
            if para and words >= budget:
                break
            if rng.random() > 0.2:
                if not generic:
                    generic = list(GENERIC)
                    rng.shuffle(generic)
                sentence = w.fill(generic.pop(), topic, year)
            else:
                sentence = w.fill(rng.choice(quotes), topic, year)
            para.append(sentence)
            words += len(sentence.split())
        paragraphs.append(para)
    # The fact goes into a random paragraph after the lede, at a random place in it.
    where = rng.randint(1, len(paragraphs) - 1) if len(paragraphs) > 1 else 0
    paragraphs[where].insert(rng.randint(0, len(paragraphs[where])), fact_text)
    paragraphs.append([w.fill(rng.choice(OUTLOOKS), topic, year)])

    slug = f"{index:06d}-{topic_name}"
    body = "\n\n".join(" ".join(p) for p in paragraphs)
    source = rng.choice(SOURCES)
    text = f"---\ntitle: {title}\nsource: {source}\ndate: {day.isoformat()}\n---\n\n{body}\n"
    name = f"{slug}.md"
    return name, text, Query(question=question, answer=answer, entity=entity, path=name)


def _chunk_counter(chunk_words: int, overlap: int) -> Callable[[str], tuple[int, int]]:
    from assistant.ingest.chunk import chunk_text
    from assistant.ingest.clean import clean_text

    def count(markdown: str) -> tuple[int, int]:
        body = markdown.split("\n---\n", 1)[1]
        cleaned = clean_text(body).text
        return len(chunk_text("bench", cleaned, chunk_words, overlap)), len(cleaned.split())

    return count


def generate(target_chunks: int, seed: int = 0, chunk_words: int = 110,
             overlap_sentences: int = 1) -> Iterator[tuple[str, str, Query, int, int]]:
    """Yield (file name, text, question, chunks, words) per article until about ``target_chunks`` chunks."""
    rng = random.Random(f"assistant-bench-{seed}")
    used: set[str] = set()
    count = _chunk_counter(chunk_words, overlap_sentences)
    total = 0
    index = 0
    while total < target_chunks:
        name, text, query = _article(rng, used, index)
        chunks, words = count(text)
        total += chunks
        index += 1
        yield name, text, query, chunks, words


def write_corpus(folder: Path, target_chunks: int, seed: int = 0, chunk_words: int = 110,
                 overlap_sentences: int = 1, progress: Callable[[int, int], None] | None = None) -> Corpus:
    """Write articles into ``folder`` until the assistant's chunker would cut about ``target_chunks``."""
    folder.mkdir(parents=True, exist_ok=True)
    corpus = Corpus(folder=folder)
    for name, text, query, chunks, words in generate(target_chunks, seed, chunk_words, overlap_sentences):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        corpus.files.append(path)
        corpus.queries.append(query)
        corpus.chunks += chunks
        corpus.words += words
        if progress:
            progress(min(corpus.chunks, target_chunks), target_chunks)
    return corpus
