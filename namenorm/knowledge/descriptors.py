"""Organizations' names across languages, word by word: a table of translated descriptors.

The press names an organization in its own language: *Unia Europejska*,
*Europäische Union*, *Europos Sąjungos* for the European Union. Each of those
words translates one word of the registry's name. :data:`CONCEPTS` lists,
per concept, its words in the languages of the press, in full or as a stem
ending in ``*`` that covers the case forms (``komisj*``); its sources are
named above it. :func:`signatures` turns a name into the set of its
concepts plus a sound stem of every other word (a proper name is the same in
every language), leaving out articles and prepositions: two names with one
signature name one organization, whatever the language and the word order.
:class:`DescriptorTable` holds the signatures of a registry's organizations
(a signature two of them share is left out: never guessed).

Left out: names of one concept alone (those are spellings: ``namenorm.index``),
descriptors that change what is named (a region is not its city), and any
word the table does not list, which must then sound the same in both names.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from functools import cache
from typing import NamedTuple, Protocol

from ..keys import phonetic_keys
from ..match import Evidence
from ..names import FUNCTION_WORDS
from .fold import fold_words

__all__ = [
    "COMPOUNDS",
    "CONCEPTS",
    "COUNTRIES",
    "DescriptorTable",
    "Translated",
    "concepts_of",
    "countries_named",
    "home_country",
    "signatures",
]

#: concept -> its words in the languages of the press (``*``: a stem).
#: Sources of the words: the official names of the EU institutions in the EU's
#: languages (EUR-Lex, "Interinstitutional Style Guide", section 9.2), the
#: International Red Cross and Red Crescent Movement's national societies'
#: names, and general dictionaries (Oxford, PWN, Tlumač, Lietuvių kalbos
#: žodynas) for the other descriptor nouns and adjectives.
CONCEPTS: dict[str, str] = {
    "europe": "europe europa europy europie europą európa europos eiropas "
    "европа европы европе европу европой еўропа еўропы еўропе еўропу еўропай эўропа эўропы "
    "эўропе європа європи європі європу",
    "european": "european europejsk* europäisch* européen* europe* europos eiropas "
    "europeisk* evropsk* европейск* еўрапейск* эўрапейск* європейськ*",
    "union": "union* unia unii unię unią unie unione unión sąjung* savienīb* związk* związek "
    "союз* саюз* зьвяз* звяз* спілк*",
    "commission": "commission* komis* kommission* commissione comisión комисси* камісі* комісі*",
    "council": "council* conseil* consiglio consejo rat rates rats rada rady radzie radę radą "
    "taryb* padom* совет* савет* раду рады радзе радай радой",
    "parliament": "parliament* parlament* parlement* parlamento парламент*",
    "coordination": "coordin* koordyn* koordin* координ* каардын*",
    "headquarters": "headquarters штаб* sztab sztabu sztabie stab stabas štab* štabo",
    "office": "office offices biuro biura biurze biuras büro bureau ufficio oficina офис* офіс*",
    "cabinet": "cabinet* kabinet* gabinet* кабинет* кабінет*",
    "transitional": "transition* przejściow* пераходн* переходн* перехідн* übergang* pereinam*",
    "united": "united zjednoczon* złučan* аб'яднан* объединен* об'єднан* vereinigt* jungtin* "
    "apvienot* unis unies uniti unidos",
    "state": "state states państw* дзяржав* государств* держав* staat* état stato estado "
    "valstyb* valsts",
    "red": "red czerwon* raudon* красн* чырвон* червон* rot rote roten rouge rossa roja sarkan*",
    "cross": "cross krzyż* kryž* крест* крыж* хрест* kreuz* croix croce cruz krust*",
    "lithuania": "lithuan* litew* litwa litwy litwie litwę lietuv* литов* літоў* литв* літв* "
    "litau* lituan*",
    "belarus": "belarus* białorus* беларус* белорус* білорус* weißruss* weissruss* bielorus* "
    "biélorus* baltarus* baltkriev* běloru*",
    "russia": "russ* росси* расі* расе* rosyj* rosj* rusij* krievij* rusk*",
    "poland": "polish polsk* польск* польш* polen polnisch* lenk* polon*",
    "ukraine": "ukrain* украин* украін* україн*",
    "america": "america american americans amerik* ameryk* америк* американ* амерыкан* usa",
    "human": "human humain* człowiek* человек* чалавек* людин* žmogaus cilvēk* lidsk* uomo "
    "humanos menschen*",
    "rights": "rights right praw prawa правоў прав права правам правах droits diritti derechos "
    "recht* teisi* tiesīb* menschenrecht*",
    "house": "house dom domu domie дом дома доме дому домом haus hauses maison casa namai namų "
    "nams dům",
    "centre": "centre centres center centers centrum centro centras centra zentrum zentrums "
    "центр центра центру центром центре центры центров цэнтр цэнтра цэнтру цэнтрам цэнтры "
    "цэнтраў центрі",
    "party": "party parties partia partii partię partią partei* parti partito partido partij* "
    "парти* парты* партія партії",
    "radio": "radio* rádio* радио* радыё* радіо* radij*",
    "agency": "agency agencies agencj* agentur* agence agenzia agencia agentūr* агентств* "
    "агенцтв* агенці*",
    "telegraph": "telegra* телеграф* тэлеграф*",
    "association": "association* associazione asociación stowarzyszen* ассоциац* асацыяц* "
    "асоціац* verband* asociacij* asociāc*",
    "journalist": "journalist* dziennikar* журналист* журналіст* giornalist* periodist* žurnalist*",
    "committee": "committee* komitet* комитет* камітэт* комітет* comité* comitato komitee*",
    "ministry": "ministry ministries minister* ministère* ministero ministerio министерств* "
    "міністэрств* міністерств*",
    "security": "security bezpieczeństw* безопасност* бяспек* безпек* sicherheit* sécurité "
    "sicurezza seguridad saugum*",
    "service": "service services służb* служб* dienst* servizio servicio tarnyb*",
    "national": "national* narodow* национальн* нацыянальн* національн* nazional* nacional*",
    "bank": "bank* банк* banca banque banco",
    "academy": "academ* akadem* академи* акадэмі* акадэми*",
    "science": "science* nauk* наук* навук* wissenschaft* scienz* cienci* moksl*",
    "university": "universit* uniwersyt* университет* універсітэт* університет* universidad",
    "organization": "organi* организац* арганізац* організац*",
    "north": "north* северн* поўночн* паўночн* північн* północn* nord* šiaur*",
    "atlantic": "atlant* атлант*",
    "treaty": "treaty traktat* договор* дагавор* договір* vertrag* traité trattato tratado sutart*",
    "movement": "movement ruch ruchu движени* рух руху bewegung mouvement movimento "
    "movimiento judėjim*",
    "republic": "republic* republik* républi* republi* rzeczpospolit* республик* рэспублік* "
    "республік* respublik*",
    "prisoner": "prisoner* jeniec jeńc* kriegsgefangen*",
    "war": "war wojn* войн* вайн* krieg*",
    # "co-operation": the "co" goes with the legal forms, "operation" is left.
    "cooperation": "cooperation* operation współprac* zusammenarbeit* coopération* "
    "cooperazione cooperación bendradarbiavim* sadarbīb* сотрудничеств* супрацоўніцтв* "
    "співробітництв* spolupráce",
    "nations": "nations narodów nationen nazioni naciones tautos tautų nāciju наций нацый "
    "націй národů",
    "commonwealth": "commonwealth wspólnot* gemeinschaft* communauté comunità comunidad "
    "sandraug* sadraudzīb* содружеств* садружнасц* співдружніст*",
    "independent": "independent niepodległ* unabhängig* indépendant* indipendent* "
    "independientes nepriklausom* neatkarīg* независим* незалежн*",
    "collective": "collective* zbiorow* kollektiv* collettiv* colectiv* kolektyv* kolektīv* "
    "коллективн* калектыўн* колективн*",
    "eurasian": "eurasian eurazjatyck* eurasisch* eurasiati* euroasiátic* eurazij* eirāzij* "
    "евразийск* еўразійск* євразійськ*",
    "economic": "economic* gospodarcz* wirtschaft* économique* economic* económic* ekonomin* "
    "ekonomisk* экономическ* эканамічн* економічн* hospodářsk*",
    "reporter": "reporter* reporterzy reporteros reportérů репортер* рэпарцёр* рэпарцер*",
    "without": "without bez ohne sans senza sin без",
    "border": "border* granic* grenz* frontière* frontier* fronter* sien* robež* границ* "
    "погранич* межаў мяжы памежн* кордон* прикордон*",
    "group": "group groups grupa grupy gruppe groupe gruppo grupo grupė grupės группа группы "
    "група групы",
    "civic": "civic obywatelsk* bürger* civique civic* cívic* pilietin* pilsoņ* гражданск* "
    "грамадзянск* громадянськ*",
    "christian": "christian* chrześcijańsk* christlich* chrétien* cristian* krikščion* "
    "kristīg* христианск* хрысціянск* хрысьціянск* християнськ*",
    "democratic": "democra* demokra* démocra* демократ* дэмакрат* дэмакраты*",
    "railway": "railway* railroad* koleje kolej kolei eisenbahn* chemin ferrovi* ferrocarril* "
    "geležinkel* dzelzceļ* железн* чыгун* залізн*",
    "steel": "steel stali stal stahl* acier acciaio acero plieno tērauda",
    "metallurgical": "metallurg* metalurg* металлург* металург*",
    "works": "works plant factory zakład* zakłady fabryk* werk werke werks usine* "
    "stabiliment* fábrica gamykl* rūpnīc* завод* фабрик*",
    "tractor": "tractor* traktor* трактор*",
    "automobile": "automobil* automotive samochod* автомобил* аўтамабіл* автомобіл*",
    "nuclear": "nuclear jądrow* kern nucléaire nucleare atomin* atom atomic ядерн* атомн* ядзерн*",
    "power": "power energetyczn* kraft énergie electric* elektr* энергет* энергетычн* "
    "електр* электр*",
    "congress": "congress* kongres* kongress* congrès congresso congreso конгресс* кангрэс* "
    "конгрес*",
    "trade": "trade zawodow* profesin* arodbiedr* профессиональн* прафесійн* професійн*",
    "court": "court courts sąd sądu sądzie gericht* cour tribunale tribunal teism* tiesa "
    "суд суда суде судом",
    "supreme": "supreme najwyższ* oberst* suprême suprem* aukščiausi* augstāk* верховн* "
    "вярхоўн* верхов*",
    "central": "central centralna centralny centralnej zentral* centrale centrál* centrin* "
    "centrāl* центральн* цэнтральн*",
    "election": "election* elector* wyborcz* wahl* électoral* elettoral* rinkim* vēlēšan* "
    "избирательн* выбарч* виборч*",
    "internal": "internal interior wewnętrzn* innen* intérieur* interno interni vidaus "
    "iekšlietu внутренн* унутран* ўнутран* внутрішн*",
    "affairs": "affairs spraw angelegenheit* affaires affari asuntos reikal* дел спраў справ",
    "foreign": "foreign zagraniczn* auswärtig* étrangères esteri exteriores užsienio ārlietu "
    "иностранн* замежн* закордонн*",
    "defence": "defence defense obrony obrona verteidigung* défense difesa defensa "
    "aizsardzīb* оборон* абарон*",
    "investigative": "investigat* śledcz* ermittlung* tyrim* izmeklēšan* следствен* следчы* слідч*",
    "administration": "administrat* administracj* verwaltung* amministrazione administración "
    "administracij* administrācij* администрац* адміністрац*",
    "president": "presiden* prezyden* präsident* présiden* prezident* президент* прэзідэнт*",
    "assembly": "assembl* zgromadzen* versammlung* susirinkim* sapulc* собрани* сход* збор*",
    "people": "people peoples ludow* volks* populaire* popolar* popular* liaudies tautas народн*",
    "all": "all",
    "television": "television* telewizj* fernseh* télévision* televisione televisión "
    "televizij* televīzij* телевидени* тэлебачанн* телебачен*",
}
#: Words that stand for two concepts at once (compounds): stem -> concepts.
COMPOUNDS: dict[str, tuple[str, ...]] = {
    "еўрасаюз*": ("european", "union"),
    "евросоюз*": ("european", "union"),
    "євросоюз*": ("european", "union"),
    "еўракамісі*": ("european", "commission"),
    "еврокомисси*": ("european", "commission"),
    "єврокомісі*": ("european", "commission"),
    "еўрапарламент*": ("european", "parliament"),
    "европарламент*": ("european", "parliament"),
    "europarlament*": ("european", "parliament"),
    "europarliament*": ("european", "parliament"),
    "europarat*": ("council", "europe"),
    "североатлант*": ("north", "atlantic"),
    "паўночнаатлант*": ("north", "atlantic"),
    "північноатлант*": ("north", "atlantic"),
    "północnoatlant*": ("north", "atlantic"),
    "nordatlant*": ("north", "atlantic"),
    "военноплен*": ("prisoner", "war"),
    "ваеннапалон*": ("prisoner", "war"),
    "військовополон*": ("prisoner", "war"),
    "kriegsgefangen*": ("prisoner", "war"),
    "menschenrecht*": ("human", "rights"),
    "journalistenvereinigung*": ("journalist", "association"),
    "journalistenverband*": ("journalist", "association"),
    "bürgerpartei*": ("civic", "party"),
    "nationalbank*": ("national", "bank"),
    "wahlkommission*": ("election", "commission"),
    "wirtschaftsunion*": ("economic", "union"),
    "traktorenwerk*": ("tractor", "works"),
    "automobilwerk*": ("automobile", "works"),
    "kraftwerk*": ("power", "works"),
    "kernkraftwerk*": ("nuclear", "power", "works"),
    "elektrown*": ("power", "works"),
    "elektrinė*": ("power", "works"),
    "электростанц*": ("power", "works"),
    "электрастанц*": ("power", "works"),
    "volksversammlung*": ("people", "assembly"),
    "ogólnobiałorusk*": ("all", "belarus"),
    "allbelarussisch*": ("all", "belarus"),
    "всебелорусск*": ("all", "belarus"),
    "усебеларуск*": ("all", "belarus"),
    "ўсебеларуск*": ("all", "belarus"),
    "всебілоруськ*": ("all", "belarus"),
    "профсоюз*": ("trade", "union"),
    "прафсаюз*": ("trade", "union"),
    "gewerkschaft*": ("trade", "union"),
    "pen-zentrum*": ("pen", "centre"),
}
#: Concepts that name a country: "Republic of" beside one adds nothing (Narodowy
#: Bank Republiki Białorusi is the National Bank of Belarus).
COUNTRIES = frozenset({"belarus", "russia", "lithuania", "poland", "ukraine", "america"})
#: Words that hold no name in an organization's: legal forms and articles
#: (with ``names.FUNCTION_WORDS``).
_EMPTY = frozenset("jsc pjsc ojsc cjsc oao zao pao ooo llc ltd inc plc ag gmbh sa co".split())
#: Symbols of a sound key that stand for a word not in the table.
_STEM = 5
#: Most readings of one name that are tried.
_MAX_READINGS = 16
_Readings = tuple[tuple[str, ...], ...]


class Translated(NamedTuple):
    """A registry organization a query names in translation, and the name of it
    that the query translates."""

    entity: int
    evidence: Evidence


@cache
def _tables() -> tuple[dict[str, _Readings], list[tuple[str, _Readings]]]:
    """Folded whole words -> readings, and (folded stem, readings), longest first."""
    readings: dict[str, list[tuple[str, ...]]] = {}
    entries: list[tuple[str, tuple[str, ...]]] = [
        (w, (c,)) for c, words in CONCEPTS.items() for w in words.split()
    ]
    entries += list(COMPOUNDS.items())
    for word, concepts in entries:
        folded = " ".join(fold_words(word.rstrip("*"))) + ("*" if word.endswith("*") else "")
        bucket = readings.setdefault(folded, [])
        if concepts not in bucket:
            bucket.append(concepts)
    whole = {w: tuple(r) for w, r in readings.items() if not w.endswith("*")}
    stems = [(w[:-1], tuple(r)) for w, r in readings.items() if w.endswith("*")]
    stems.sort(key=lambda entry: -len(entry[0]))
    return whole, stems


def concepts_of(word: str) -> tuple[tuple[str, ...], ...]:
    """The readings of a folded word: each a tuple of the concepts it stands for
    (Lithuanian Europos: "european" or "europe"); empty when the table has none."""
    whole, stems = _tables()
    if word in whole:
        return whole[word]
    for stem, readings in stems:
        if word.startswith(stem):
            return readings
    return ()


Signature = tuple[frozenset[str], tuple[str, ...]]


def signatures(text: str) -> frozenset[Signature]:
    """Every reading of a name: its concepts and the sorted sound stems of its
    other words (a word may read two ways: Europos, and each sound key of a
    proper name). Empty when the name has no concept, or only one and no
    other word (Europe alone is a spelling, not a translation)."""
    words = [
        w
        for w in fold_words(text.replace("'", "").replace("\u2019", ""))
        if w not in FUNCTION_WORDS and w not in _EMPTY
    ]
    options: list[list[tuple[str, tuple[str, ...]]]] = []
    for word in words:
        readings = concepts_of(word)
        if readings:
            options.append([("concept", reading) for reading in readings])
        elif any(c.isdigit() for c in word):
            options.append([("word", (word,))])  # a number is never translated nor misspelt
        else:
            stems = dict.fromkeys(key[:_STEM] for key in phonetic_keys(word)[:3]) or {word: None}
            options.append([("word", (stem,)) for stem in stems])
    found: set[Signature] = set()
    for combo in itertools.islice(itertools.product(*options), _MAX_READINGS):
        concepts = frozenset(c for kind, part in combo if kind == "concept" for c in part)
        if "republic" in concepts and concepts & COUNTRIES:
            concepts -= {"republic"}
        others = tuple(sorted(p for kind, part in combo if kind == "word" for p in part))
        if concepts and len(concepts) + len(others) >= 2:
            found.add((concepts, others))
    return frozenset(found)


def countries_named(text: str) -> frozenset[str]:
    """The countries a name or descriptor words name (Russia, Russian, Rosji)."""
    return (
        frozenset(c for word in fold_words(text) for reading in concepts_of(word) for c in reading)
        & COUNTRIES
    )


class _NameLike(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def lang(self) -> str: ...


class _EntityLike(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def names(self) -> Sequence[_NameLike]: ...


def home_country(entities: Iterable[_EntityLike]) -> str | None:
    """The country most of the organizations among ``entities`` name (the
    registry's home: an organization named without a country is of it)."""
    named: dict[str, int] = {}
    for entity in entities:
        if entity.kind == "org":
            for country in {c for name in entity.names for c in countries_named(name.text)}:
                named[country] = named.get(country, 0) + 1
    return max(sorted(named), key=named.__getitem__) if named else None


class DescriptorTable:
    """Signatures of a registry's organizations' names (see the module docstring)."""

    def __init__(self) -> None:
        self._by_signature: dict[Signature, list[Translated]] = {}
        #: The country most of the registry's organizations name (its home):
        #: an organization named without it is of it (Ministry of Internal
        #: Affairs, asked as "Ministerstwo Spraw Wewnętrznych Republiki Białorusi").
        self.home: str | None = None

    @classmethod
    def build(cls, entities: Iterable[_EntityLike]) -> DescriptorTable:
        """The table of every organization among ``entities`` (numbered by position)."""
        table = cls()
        entities = list(entities)
        for number, entity in enumerate(entities):
            if entity.kind != "org":
                continue
            for name in entity.names:
                for key in signatures(name.text):
                    bucket = table._by_signature.setdefault(key, [])
                    if all(t.entity != number for t in bucket):
                        evidence = Evidence(name.text, name.text, name.lang, "translation")
                        bucket.append(Translated(number, evidence))
        table.home = home_country(entities)
        return table

    def find(self, text: str) -> Translated | None:
        """The one organization ``text`` names in translation, or None (none, or
        two organizations fit one of its readings). A query naming the home
        country is also read without it; another country is never dropped (the
        Ministry of Defence of Russia is not the registry's)."""
        keys = signatures(text)
        found = self._find(keys)
        if found is None and self.home is not None:
            home = self.home
            bare = {(c - {home}, o) for c, o in keys if home in c and len(c) > 1}
            found = self._find(frozenset(bare))
        return found

    def _find(self, keys: frozenset[Signature]) -> Translated | None:
        found: dict[int, Translated] = {}
        for key in keys:
            bucket = self._by_signature.get(key, [])
            if len(bucket) > 1:
                return None
            for hit in bucket:
                found.setdefault(hit.entity, hit)
        return next(iter(found.values())) if len(found) == 1 else None

    def __len__(self) -> int:
        return len(self._by_signature)
