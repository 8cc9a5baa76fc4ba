"""Language names and writing directions for display; ISO 639-1 codes as the store keeps them."""

from __future__ import annotations

_NAMES: dict[str, tuple[str, str]] = {
    "af": ("Afrikaans", "Afrikaans"), "am": ("Amharic", "አማርኛ"), "ar": ("Arabic", "العربية"),
    "az": ("Azerbaijani", "azərbaycan"), "be": ("Belarusian", "беларуская"),
    "bg": ("Bulgarian", "български"), "bn": ("Bengali", "বাংলা"), "bs": ("Bosnian", "bosanski"),
    "ca": ("Catalan", "català"), "cs": ("Czech", "čeština"), "cy": ("Welsh", "Cymraeg"),
    "da": ("Danish", "dansk"), "de": ("German", "Deutsch"), "el": ("Greek", "Ελληνικά"),
    "en": ("English", "English"), "eo": ("Esperanto", "esperanto"), "es": ("Spanish", "español"),
    "et": ("Estonian", "eesti"), "eu": ("Basque", "euskara"), "fa": ("Persian", "فارسی"),
    "fi": ("Finnish", "suomi"), "fr": ("French", "français"), "ga": ("Irish", "Gaeilge"),
    "gl": ("Galician", "galego"), "gu": ("Gujarati", "ગુજરાતી"), "he": ("Hebrew", "עברית"),
    "hi": ("Hindi", "हिन्दी"), "hr": ("Croatian", "hrvatski"), "hu": ("Hungarian", "magyar"),
    "hy": ("Armenian", "հայերեն"), "id": ("Indonesian", "Indonesia"),
    "is": ("Icelandic", "íslenska"), "it": ("Italian", "italiano"), "ja": ("Japanese", "日本語"),
    "ka": ("Georgian", "ქართული"), "kk": ("Kazakh", "қазақ"), "km": ("Khmer", "ខ្មែរ"),
    "ko": ("Korean", "한국어"), "ku": ("Kurdish", "kurdî"), "ky": ("Kyrgyz", "кыргызча"),
    "lt": ("Lithuanian", "lietuvių"), "lv": ("Latvian", "latviešu"),
    "mk": ("Macedonian", "македонски"), "ml": ("Malayalam", "മലയാളം"),
    "mn": ("Mongolian", "монгол"), "mr": ("Marathi", "मराठी"), "ms": ("Malay", "Melayu"),
    "my": ("Burmese", "မြန်မာ"), "ne": ("Nepali", "नेपाली"), "nl": ("Dutch", "Nederlands"),
    "no": ("Norwegian", "norsk"), "pa": ("Punjabi", "ਪੰਜਾਬੀ"), "pl": ("Polish", "polski"),
    "ps": ("Pashto", "پښتو"), "pt": ("Portuguese", "português"), "ro": ("Romanian", "română"),
    "ru": ("Russian", "русский"), "si": ("Sinhala", "සිංහල"), "sk": ("Slovak", "slovenčina"),
    "sl": ("Slovenian", "slovenščina"), "sq": ("Albanian", "shqip"), "sr": ("Serbian", "српски"),
    "sv": ("Swedish", "svenska"), "sw": ("Swahili", "Kiswahili"), "ta": ("Tamil", "தமிழ்"),
    "te": ("Telugu", "తెలుగు"), "th": ("Thai", "ไทย"), "tl": ("Tagalog", "Tagalog"),
    "tr": ("Turkish", "Türkçe"), "uk": ("Ukrainian", "українська"), "ur": ("Urdu", "اردو"),
    "uz": ("Uzbek", "oʻzbek"), "vi": ("Vietnamese", "Tiếng Việt"), "yi": ("Yiddish", "ייִדיש"),
    "zh": ("Chinese", "中文"),
}

RTL_LANGUAGES = frozenset({"ar", "dv", "fa", "he", "ku", "ps", "sd", "ug", "ur", "yi"})
"""Languages written right to left (Kurdish: the Sorani script)."""


def language_name(code: str) -> str:
    """``"Arabic (العربية)"`` for ``"ar"``; the code itself when unknown."""
    found = _NAMES.get(code)
    if found is None:
        return "unknown language" if code in {"", "und"} else code
    english, native = found
    return english if english == native else f"{english} ({native})"


def html_lang(code: str) -> str | None:
    """The value for an HTML ``lang`` attribute, or None when the language is unknown."""
    return None if code in {"", "und"} else code


def text_direction(code: str) -> str:
    """``rtl`` or ``ltr`` for a language; titles still get ``dir="auto"`` as a safety net."""
    return "rtl" if code in RTL_LANGUAGES else "ltr"
