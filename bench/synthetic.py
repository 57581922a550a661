"""Deterministic synthetic registries of Belarusian and Russian person names.

``synthetic_registry_rows(n, seed)`` yields registry rows (``id, kind, lang,
name, preferred``) for ``n`` people: for each, a Belarusian Cyrillic form
(``Аляксандр Кавальчук``), its Russian counterpart (``Александр Ковальчук``)
and the Belarusian news romanization as the preferred English form
(``Aliaksandr Kavalchuk``); all three rows are preferred. IDs run
``p0000001``, ``p0000002``, ... The same ``n`` and ``seed`` always give the
same rows (``random.Random(seed)``; no other source of randomness).

Names come from the tables below: about 170 male and 150 female given names
(Belarusian/Russian pairs), and surnames built as prefix + root + infix +
suffix: 16 prefixes (none, Бело-, Ново-, ...), about 320 roots of real
surnames plus 3,600 coined ones (open syllable + root syllable: Падар,
Хусим) for the long tail, 9 infixes (none, -ик-, -ушк-, ...) and 19
suffixes with their masculine and feminine forms (-енка/-енко, -аў/-ов and
-ава/-ова, -скі/-ский and -ская, -ук, -чык/-чик, -ёнак/-ёнок, ...). Surnames
are written in Russian and carried over to Belarusian by a few spelling rules
(akanne о → а, ц/дз for т/д before soft vowels, ы/э after hard consonants,
ў after a vowel, шч for щ). Choices are skewed the way real name lists are
(Каваленка, Лукашэнка and Вольга are common), yet people rarely share a full
name: of 1,000,000, 3.3% repeat an earlier person's full name (346,000
distinct surnames); generating them takes 20-25 s on one core.

Left out: patronymics, non-person entities, and linguistic accuracy beyond
"looks like a real name": stress is not modelled, so Belarusian akanne is
applied to every stem ``о``. Used by ``bench/speed.py``; importable by other
benchmarks.
"""

from __future__ import annotations

import csv
import itertools
import os
import random
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from namenorm import transliterate

__all__ = ["FEMALE", "MALE", "ROOTS", "SUFFIXES", "synthetic_registry_rows", "write_synthetic_csv"]

Row = tuple[str, str, str, str, str]

# -- given names: (be, ru), most common first ---------------------------------
MALE: tuple[tuple[str, str], ...] = tuple(
    tuple(pair.split("/"))  # type: ignore[misc]
    for pair in """
    Аляксандр/Александр Сяргей/Сергей Дзмітрый/Дмитрий Андрэй/Андрей Аляксей/Алексей
    Уладзімір/Владимир Мікалай/Николай Іван/Иван Віктар/Виктор Юрый/Юрий Ігар/Игорь
    Павел/Павел Максім/Максим Васіль/Василий Міхаіл/Михаил Яўген/Евгений Алег/Олег
    Дзяніс/Денис Вадзім/Вадим Анатоль/Анатолий Валерый/Валерий Віталь/Виталий
    Канстанцін/Константин Раман/Роман Генадзь/Геннадий Пётр/Пётр Леанід/Леонид
    Уладзіслаў/Владислав Антон/Антон Кірыл/Кирилл Арцём/Артём Мікіта/Никита Ягор/Егор
    Ілля/Илья Вячаслаў/Вячеслав Барыс/Борис Рыгор/Григорий Станіслаў/Станислав
    Валянцін/Валентин Георгій/Георгий Руслан/Руслан Алесь/Алесь Аркадзь/Аркадий
    Багдан/Богдан Тарас/Тарас Глеб/Глеб Данііл/Даниил Фёдар/Фёдор Сцяпан/Степан
    Сямён/Семён Яраслаў/Ярослав Якаў/Яков Цімафей/Тимофей Філіп/Филипп Эдуард/Эдуард
    Артур/Артур Арсеній/Арсений Іосіф/Иосиф Леў/Лев Святаслаў/Святослав Усевалад/Всеволод
    Ян/Ян Францішак/Франциск Адам/Адам Веніямін/Вениамин Герман/Герман Давід/Давид
    Захар/Захар Казімір/Казимир Макар/Макар Марк/Марк Мацвей/Матвей Міраслаў/Мирослав
    Назар/Назар Астап/Остап Платон/Платон Расціслаў/Ростислав Радзівон/Родион
    Цімур/Тимур Ігнат/Игнат Тадэвуш/Тадеуш Вацлаў/Вацлав Вітольд/Витольд Вітаўт/Витовт
    Зянон/Зенон Яфім/Ефим Амяльян/Емельян Гаўрыла/Гавриил Дзям'ян/Демьян Елісей/Елисей
    Клім/Клим Кузьма/Кузьма Лука/Лука Мірон/Мирон Мсціслаў/Мстислав Прохар/Прохор
    Савелій/Савелий Трахім/Трофим Юльян/Юлиан Баляслаў/Болеслав Лявон/Леон Генрых/Генрих
    Вінцэнт/Винцент Апанас/Афанасий Кандрат/Кондрат Лазар/Лазарь Марат/Марат Нестар/Нестор
    Роберт/Роберт Ціхан/Тихон Фелікс/Феликс Эміль/Эмиль Альберт/Альберт Іларыён/Илларион
    Герасім/Герасим Клімент/Климент Нікіфар/Никифор Сава/Савва Серафім/Серафим
    Вікенцій/Викентий Зіновій/Зиновий Рустам/Рустам Фадзей/Фаддей Лук'ян/Лукьян
    Аўгуст/Август Анісім/Анисим Багуслаў/Богуслав Венядзікт/Венедикт Улас/Влас
    Гардзей/Гордей Даніла/Данила Еўдакім/Евдоким Ерамей/Еремей Зміцер/Дмитрий
    Інакенцій/Иннокентий Карп/Карп Ксаверый/Ксаверий Лаўрэн/Лаврентий Мадэст/Модест
    Навум/Наум Панцеляймон/Пантелеймон Парфён/Парфён Пракоп/Прокопий Сідар/Сидор
    Спірыдон/Спиридон Ульян/Ульян Фама/Фома Харытон/Харитон Юзаф/Юзеф Якім/Яким
    Ермалай/Ермолай Яўстафій/Евстафий Эрнэст/Эрнест Стэфан/Стефан Міхась/Михась
    Янка/Янка Кастусь/Кастусь Лявонцій/Леонтий Арцемій/Артемий Архіп/Архип
    Дамінік/Доминик Ігнацій/Игнатий Леапольд/Леопольд Людвіг/Людвиг Мечыслаў/Мечислав
    Радаслаў/Радослав Севярын/Северин Тэафіл/Теофил Фларыян/Флориан Яраш/Ярош
    Валенты/Валентий Эрык/Эрик Аляксандар/Александер Віктарын/Викторин
    """.split()
)
FEMALE: tuple[tuple[str, str], ...] = tuple(
    tuple(pair.split("/"))  # type: ignore[misc]
    for pair in """
    Вольга/Ольга Алена/Елена Таццяна/Татьяна Наталля/Наталья Ірына/Ирина
    Святлана/Светлана Марына/Марина Ганна/Анна Кацярына/Екатерина Юлія/Юлия
    Людміла/Людмила Галіна/Галина Марыя/Мария Валянціна/Валентина Вікторыя/Виктория
    Анастасія/Анастасия Аляксандра/Александра Надзея/Надежда Ларыса/Лариса
    Вераніка/Вероника Яўгенія/Евгения Аксана/Оксана Дар'я/Дарья Ніна/Нина Тамара/Тамара
    Алеся/Олеся Ала/Алла Аліна/Алина Антаніна/Антонина Валерыя/Валерия Вера/Вера
    Лізавета/Елизавета Жанна/Жанна Зінаіда/Зинаида Зоя/Зоя Іна/Инна Крысціна/Кристина
    Ксенія/Ксения Лідзія/Лидия Лілія/Лилия Любоў/Любовь Маргарыта/Маргарита
    Паліна/Полина Раіса/Раиса Сафія/София Ульяна/Ульяна Яна/Яна Кіра/Кира Дыяна/Диана
    Снежана/Снежана Яраслава/Ярослава Уладзіслава/Владислава Станіслава/Станислава
    Мілана/Милана Аліса/Алиса Ангеліна/Ангелина Арына/Арина Васіліса/Василиса Ева/Ева
    Злата/Злата Карына/Карина Мая/Майя Таісія/Таисия Ядвіга/Ядвига Яніна/Янина
    Анжаліка/Анжелика Ілона/Илона Стэфанія/Стефания Іванна/Иванна Багдана/Богдана
    Міраслава/Мирослава Марта/Марта Варвара/Варвара Альбіна/Альбина Агата/Агата
    Эльвіра/Эльвира Рэгіна/Регина Каміла/Камила Эмілія/Эмилия Марыяна/Марианна
    Дарына/Дарина Саламея/Соломия Аўдоцця/Евдокия Ванда/Ванда Анжэла/Анжела
    Віялета/Виолетта Эвеліна/Эвелина Алеўціна/Алевтина Элеанора/Элеонора Інеса/Инесса
    Клаўдзія/Клавдия Серафіма/Серафима Фаіна/Фаина Нэлі/Нелли Эла/Элла Рыма/Римма
    Віталіна/Виталина Ада/Ада Анэля/Анеля Багуміла/Богумила Бажэна/Божена
    Браніслава/Бронислава Васіліна/Василина Габрыэла/Габриэла Гэлена/Гелена
    Дамініка/Доминика Ефрасіння/Евфросиния Жанэта/Жанетта Зарына/Зарина Ірэна/Ирена
    Кларыса/Кларисса Леаніда/Леонида Ліліяна/Лилиана Луіза/Луиза Любава/Любава
    Людвіка/Людвика Мальвіна/Мальвина Міла/Мила Нона/Нонна Ніка/Ника Пелагея/Пелагея
    Раксана/Роксана Ружа/Роза Руслана/Руслана Сабіна/Сабина Стэла/Стелла
    Сцефаніда/Стефанида Тэрэза/Тереза Фаўстына/Фаустина Франя/Франя
    Францішка/Франциска Хрысціна/Христина Эма/Эмма Юзэфа/Юзефа Юстына/Юстина
    Ярына/Ярина Ліна/Лина Уршуля/Урсула Алімпіяда/Олимпиада Антаніда/Антонида
    Аўгусціна/Августина Аляна/Алёна Лада/Лада Мілена/Милена Настасся/Настасья
    """.split()
)

# -- surnames: Russian building blocks, most common first --------------------
#: Roots of real surnames (Russian spelling), most common first.
_ATTESTED_ROOTS: tuple[str, ...] = tuple(
    dict.fromkeys(
        """
    Ковал Лукаш Колесник Бабар Тихан Шуш Мицк Петр Иван Сидор Кузнец Мельник Гончар
    Кравч Шевч Ткач Бондар Рыбак Пастух Козл Волк Медвед Лис Зайц Сокол Ворон Голуб
    Журав Орл Гус Бобр Бык Баран Коз Кон Лебед Снегир Дят Сорок Грач Чиж Щегл Жук
    Комар Муш Шмел Карп Окун Щук Ерш Сом Лещ Налим Берез Дуб Клен Ясен Вишн Калин
    Малин Рябин Осин Сосн Лип Груш Яблон Гриб Ягод Трав Цвет Камен Песоч Глин Болот
    Озер Гор Холм Лес Пол Луг Долин Брод Мост Гат Сел Двор Хат Город Дорош Дорог
    Кругл Крив Бел Черн Сер Рыж Рус Сив Зелен Син Руд Бур Павл Семен Степан Григор
    Юр Макар Назар Тарас Кирил Игнат Осип Филип Мирон Демид Денис Гаврил Харитон
    Клим Прохор Антон Мартын Михал Роман Федор Фом Яков Лавр Марк Мат Савч Тимох
    Трофим Ульян Харлам Ермол Кондрат Корн Писар Поп Кушнер Сапож Бочар Стельмах
    Столяр Швец Рыбалк Пекар Ловч Стрельц Сотник Войт Дьяч Мал Велик Стар Нов Добр Тих
    Глух Слеп Хром Лыс Кудр Толст Тонк Корот Бород Нос Губ Зуб Голов Рук Горб Ус Хлеб
    Кислиц Сыр Масл Мед Пирог Блин Капуст Морков Огурц Горох Бурак Круп Мак Квас Сал
    Мазур Лит Поляк Казак Татар Турк Грек Камин Янук Гриц Гришк Дашк Мишк Сашк
    Богдан Кулеш Ломак Лопат Мороз Снег Гром Ветр Туман Зим Акул Алейник Бакун Барсук
    Бирюк Бут Вакул Варен Верб Войтк Высоц Габрус Гайдук Галк Говор Грабар Гуд Гул
    Давыд Деркач Дробыш Дудар Дуд Ермак Жар Ждан Жил Забел Завад Зданов Казан Камыш
    Карас Качан Кирис Колос Копыл Корш Кот Крот Крук Кулак Кулик Купал Латыш Левк
    Лемеш Лобан Лоз Луц Малах Мирош Нестер Олеш Пашк Пискун Плют Потап Пруд Ракит Рог
    Рубан Рудак Свирид Свист Семаш Сенк Сивак Скоб Скор Собол Сыч Терех Тит Тур Устин
    Федос Филон Хвост Хмел Ходор Хом Цыган Чайк Чуб Шваб Шил Шкляр Шпак Шум Щерб Юрк
    Явор Ярош Бакач Валах Вашк Гаман Гурин Жданк Журб Клец Кохан Кубар Лагун Луцк
    """.split()
    )
)
#: Coined roots: an open syllable + a root-final syllable ("Па" + "дар" -> "Падар"),
#: the long tail of rare surnames that keeps full-name repeats rare.
_ONSETS: tuple[str, ...] = tuple(
    c + v
    for c in "Б В Г Д Ж З К Л М Н П Р С Т Х Ц Ч Ш".split()
    for v in ("а", "о", "у", "е", "и" if c in "ЖШЧЦ" else "ы")
)
_CODAS: tuple[str, ...] = tuple(
    """
    бан бор вак вет гон гур дар дел жан зор зул кач кол кун лаш лен лып мак мил мох
    нар нос пах пил рав рын рым сал сек сим тар тем тол фан хан хар цел чан шак шун
    """.split()
)
_COINED_ROOTS: tuple[str, ...] = tuple(
    root
    for root in dict.fromkeys(o + c for o in _ONSETS for c in _CODAS)
    if root not in _ATTESTED_ROOTS
)
ROOTS: tuple[str, ...] = _ATTESTED_ROOTS + _COINED_ROOTS
#: Share of people whose surname has an attested (not coined) root.
_ATTESTED_SHARE = 0.3

#: Prefixes (Russian spelling) and their weight; "" (no prefix) is the common case.
PREFIXES: tuple[tuple[str, float], ...] = (
    ("", 80.0),
    *(
        (p, 1.4)
        for p in (
            "Бело Черно Ново Старо Мало Велико Добро Красно Сухо Криво Долго Высоко "
            "Широко Благо Рудо"
        ).split()
    ),
)
#: Infixes between stem and suffix ("Ковал-ик-ов"); "" (none) is the common case.
INFIXES: tuple[tuple[str, float], ...] = (
    ("", 70.0),
    *((i, 3.75) for i in "ик ин ан ушк ач ян ок ен".split()),
)
#: Suffixes an infix may precede ("Ковал-ик-ов", not "Ковал-ок-юк").
_TAKES_INFIX = frozenset({"ов", "ин", "ский", "евич", "енко", "ук"})
#: (ru masculine, ru feminine, be masculine, be feminine, weight).
SUFFIXES: tuple[tuple[str, str, str, str, float], ...] = (
    ("енко", "енко", "енка", "енка", 10),
    ("ов", "ова", "аў", "ава", 10),
    ("евич", "евич", "евіч", "евіч", 7),
    ("ович", "ович", "овіч", "овіч", 5),
    ("ский", "ская", "скі", "ская", 6),
    ("овский", "овская", "оўскі", "оўская", 4),
    ("ук", "ук", "ук", "ук", 6),
    ("чук", "чук", "чук", "чук", 4),
    ("юк", "юк", "юк", "юк", 3),
    ("ин", "ина", "ін", "іна", 5),
    ("ев", "ева", "еў", "ева", 3),
    ("ец", "ец", "ец", "ец", 3),
    ("чик", "чик", "чык", "чык", 3),
    ("ёнок", "ёнок", "ёнак", "ёнак", 2),
    ("ик", "ик", "ік", "ік", 2),
    ("ич", "ич", "іч", "іч", 2),
    ("ейко", "ейко", "ейка", "ейка", 2),
    ("ко", "ко", "ка", "ка", 2),
    ("ико", "ико", "ыка", "ыка", 1),
)

_HARD = set("жшчцрЖШЧЦР")
_VOWELS = set("аеёиоуыэюяіАЕЁИОУЫЭЮЯІ")
_SOFTENING = set("еёиюяіь")
_SUFFIX_WEIGHTS = tuple(itertools.accumulate(s[4] for s in SUFFIXES))
_PREFIX_WEIGHTS = tuple(itertools.accumulate(w for _, w in PREFIXES))
_INFIX_WEIGHTS = tuple(itertools.accumulate(w for _, w in INFIXES))
# Zipf-like but flat enough that a million people rarely share a full name.
_ATTESTED_WEIGHTS = [1.0 / (rank + 20) ** 0.5 for rank in range(len(_ATTESTED_ROOTS))]
_ROOT_WEIGHTS = tuple(
    itertools.accumulate(
        [w * _ATTESTED_SHARE / sum(_ATTESTED_WEIGHTS) for w in _ATTESTED_WEIGHTS]
        + [(1 - _ATTESTED_SHARE) / len(_COINED_ROOTS)] * len(_COINED_ROOTS)
    )
)
_MALE_WEIGHTS = tuple(itertools.accumulate(1.0 / (rank + 10) ** 0.8 for rank in range(len(MALE))))
_FEMALE_WEIGHTS = tuple(
    itertools.accumulate(1.0 / (rank + 10) ** 0.8 for rank in range(len(FEMALE)))
)


def _to_belarusian_stem(ru: str) -> str:
    """Carry a Russian stem over to Belarusian spelling (akanne, і, шч)."""
    out = ru.replace("щ", "шч").replace("Щ", "Шч").replace("ъ", "'")
    out = out.replace("о", "а").replace("О", "А")
    chars = list(out)
    for i, c in enumerate(chars):
        if c in "иИ":
            chars[i] = "ы" if i and chars[i - 1] in _HARD else ("і" if c == "и" else "І")
    return "".join(chars)


def _belarusian_finish(word: str) -> str:
    """Spelling rules across the stem-suffix junction: ц/дз, э/ы after hard consonants, ў."""
    out: list[str] = []
    for i, c in enumerate(word):
        nxt = word[i + 1] if i + 1 < len(word) else ""
        prev = word[i - 1] if i else ""
        if c in "тТ" and nxt in _SOFTENING:
            c = "ц" if c == "т" else "Ц"
        elif c in "дД" and nxt in _SOFTENING:
            c = "дз" if c == "д" else "Дз"
        elif c == "е" and prev in _HARD:
            c = "э"
        elif c == "і" and prev in _HARD:
            c = "ы"
        elif c == "в" and prev in _VOWELS and nxt not in _VOWELS:
            c = "ў"
        out.append(c)
    return "".join(out)


def _join(stem: str, suffix: str) -> str:
    """Attach a suffix, avoiding double consonants and fixing ль/цк junctions."""
    if not suffix:
        return stem
    if stem[-1] == suffix[0] and suffix[0] not in _VOWELS:
        suffix = suffix[1:]
    if suffix.startswith("ск") and stem[-1] in "кцчтд":
        return stem[:-1] + "ц" + suffix[1:]
    if stem[-1] == "л" and suffix[0] not in _VOWELS:
        return stem + "ь" + suffix
    if suffix[0] == "ё" and stem[-1] in "жшчщц":
        return stem + "о" + suffix[1:]
    return stem + suffix


def _surname(prefix: int, root: int, infix: int, suffix: int) -> tuple[str, str, str, str]:
    """(ru masculine, ru feminine, be masculine, be feminine) for one surname recipe."""
    pre = PREFIXES[prefix][0]
    stem_ru = pre + ROOTS[root].lower() if pre else ROOTS[root]
    stem_ru += INFIXES[infix][0]
    ru_m, ru_f, be_m, be_f, _ = SUFFIXES[suffix]
    stem_be = _to_belarusian_stem(stem_ru)
    return (
        _join(stem_ru, ru_m),
        _join(stem_ru, ru_f),
        _belarusian_finish(_join(stem_be, be_m)),
        _belarusian_finish(_join(stem_be, be_f)),
    )


def synthetic_registry_rows(n: int, seed: int = 0) -> Iterator[Row]:
    """Rows (id, kind, lang, name, preferred) for ``n`` synthetic people; see the module docstring."""
    if n < 0:
        raise ValueError(f"n must be >= 0, not {n!r}")
    rng = random.Random(seed)
    choose = rng.choices
    # Caches local to this call, so a caller's memory is not held after the last row.
    surname = lru_cache(maxsize=None)(_surname)
    news = lru_cache(maxsize=None)(lambda word: transliterate(word, "be", "news"))
    prefixes, roots, infixes, suffixes = (
        range(len(PREFIXES)),
        range(len(ROOTS)),
        range(len(INFIXES)),
        range(len(SUFFIXES)),
    )
    width = max(7, len(str(n)))
    for number in range(1, n + 1):
        female = rng.random() < 0.5
        if female:
            given_be, given_ru = choose(FEMALE, cum_weights=_FEMALE_WEIGHTS)[0]
        else:
            given_be, given_ru = choose(MALE, cum_weights=_MALE_WEIGHTS)[0]
        prefix = choose(prefixes, cum_weights=_PREFIX_WEIGHTS)[0]
        root = choose(roots, cum_weights=_ROOT_WEIGHTS)[0]
        suffix = choose(suffixes, cum_weights=_SUFFIX_WEIGHTS)[0]
        infix = (
            choose(infixes, cum_weights=_INFIX_WEIGHTS)[0]
            if SUFFIXES[suffix][0] in _TAKES_INFIX
            else 0
        )
        ru_m, ru_f, be_m, be_f = surname(prefix, root, infix, suffix)
        surname_ru, surname_be = (ru_f, be_f) if female else (ru_m, be_m)
        ident = f"p{number:0{width}d}"
        yield ident, "person", "en", f"{news(given_be)} {news(surname_be)}", "1"
        yield ident, "person", "be", f"{given_be} {surname_be}", "1"
        yield ident, "person", "ru", f"{given_ru} {surname_ru}", "1"


def write_synthetic_csv(path: str | os.PathLike[str], n: int, seed: int = 0) -> Path:
    """Write a synthetic registry of ``n`` people as a registry CSV; return its path."""
    path = Path(path)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(("id", "kind", "lang", "name", "preferred"))
        writer.writerows(synthetic_registry_rows(n, seed))
    return path


if __name__ == "__main__":  # a quick look: python bench/synthetic.py [n]
    import sys

    for row in synthetic_registry_rows(int(sys.argv[1]) if len(sys.argv) > 1 else 10):
        print(",".join(row))
