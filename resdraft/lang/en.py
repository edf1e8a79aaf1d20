"""English: formulas, lexicons, numbering and the header/closing line patterns."""

import re

from resdraft.lang import Language, Punctuation
from resdraft.model import Organ

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
_MONTH = "|".join(MONTHS)
_DATE = rf"(?P<day>\d{{1,2}}) (?P<month>{_MONTH}) (?P<year>\d{{4}})"
DATE_PATTERN = re.compile(rf"^{_DATE}$")
_COMMITTEES = ("First", "Second", "Third", "Fourth", "Fifth", "Sixth")

_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
ORDINALS = dict(_UNITS)
ORDINALS.update({f"{t}-{u}": tv + uv for t, tv in _TENS.items() for u, uv in _UNITS.items() if uv < 10})

PREAMBULAR = (
    "Acknowledging", "Acting under Chapter VII of the Charter of the United Nations", "Acting",
    "Affirming", "Alarmed", "Appreciating", "Approving", "Aware", "Bearing in mind", "Believing",
    "Cognizant", "Commending", "Concerned", "Condemning", "Conscious", "Considering",
    "Convinced", "Declaring", "Deeply alarmed", "Deeply concerned", "Deeply conscious",
    "Deeply convinced", "Deeply deploring", "Deeply disturbed", "Deeply regretting",
    "Deploring", "Desiring", "Determined", "Determining", "Emphasizing", "Encouraged",
    "Encouraging", "Expressing concern", "Expressing deep concern", "Expressing grave concern",
    "Expressing its appreciation", "Expressing its deep appreciation", "Expressing its gratitude",
    "Expressing profound regret", "Expressing its satisfaction", "Expressing its concern",
    "Expressing its deep concern", "Fully aware", "Gravely concerned", "Guided",
    "Having adopted", "Having considered", "Having examined", "Having heard",
    "Having received", "Having reviewed", "Highlighting", "Keeping in mind", "Mindful",
    "Noting", "Observing", "Paying tribute", "Reaffirming", "Realizing", "Recalling",
    "Recognizing", "Regretting", "Reiterating", "Reiterating its concern", "Seeking",
    "Stressing", "Strongly condemning", "Taking into account", "Taking into consideration",
    "Taking note", "Underlining", "Underscoring", "Welcoming", "Emphasizing further",
    "Determined", "Underlining the importance", "Concerned also", "Expressing",
)

OPERATIVE = (
    "Accepts", "Acknowledges", "Adopts", "Affirms", "Agrees", "Appeals", "Appreciates",
    "Approves", "Authorizes", "Calls for", "Calls upon", "Calls on", "Commends", "Concurs",
    "Condemns", "Confirms", "Considers", "Decides", "Declares", "Deplores", "Designates",
    "Determines", "Demands", "Draws the attention", "Draws attention", "Emphasizes",
    "Encourages", "Endorses", "Establishes", "Expresses", "Extends", "Highlights", "Insists",
    "Invites", "Notes", "Pays tribute", "Proclaims", "Reaffirms", "Recalls", "Recognizes",
    "Recommends", "Regrets", "Reiterates", "Rejects", "Reminds", "Renews", "Requests",
    "Resolves", "Stresses", "Supports", "Takes note", "Underlines", "Underscores", "Urges",
    "Welcomes", "Acts", "Reaffirms its commitment", "Remains", "Directs", "Instructs",
    "Emphasises", "Condemns in the strongest terms", "Expresses its appreciation",
    "Expresses concern", "Expresses its deep concern", "Expresses its very serious concern",
    "Expresses its gratitude", "Expresses its hope", "Expresses its support",
    "Takes note with appreciation", "Notes with appreciation", "Notes with concern",
    "Notes with regret",
)

LANGUAGE = Language(
    code="en",
    akn="eng",
    name="English",
    formulas={
        Organ.GA: "The General Assembly",
        Organ.SC: "The Security Council",
        Organ.HRC: "The Human Rights Council",
        Organ.ECOSOC: "The Economic and Social Council",
    },
    preambular_phrases=PREAMBULAR,
    operative_phrases=OPERATIVE,
    phrase_prefixes=("Also", "Further", "Once again", "Again", "Strongly", "Firmly", "Deeply",
                     "Gravely", "Fully", "Further also", "Reiterating"),
    phrase_suffixes=("also", "further", "with appreciation", "with deep concern",
                     "with grave concern", "with serious concern", "with concern",
                     "with regret", "with satisfaction", "once again", "in the strongest terms",
                     "with deep appreciation"),
    punctuation=Punctuation(comma=",", semicolon=";", colon=":", full_stop=".",
                            terminal=",;:.，；：。"),
    item_schemes=("alpha", "roman", "alpha_dot", "roman_dot"),
    joiner=" ",
    months=MONTHS,
    committees=tuple(f"{c} Committee" for c in _COMMITTEES),
    closing_order=("meeting", "date"),
    ordinal_words=ORDINALS,
    patterns={
        "masthead": r"^(?:United Nations|General Assembly|Security Council|Human Rights Council|"
                    r"Economic and Social Council)$",
        "date": rf"^{_DATE}$",
        "date_in_text": _DATE,
        "session": r"^(?P<words>[A-Z][a-z]+(?:-[a-z]+)?)(?: special| emergency special)? session$",
        "committee": r"^(?:(?P<ordinal>First|Second|Third|Fourth|Fifth|Sixth) Committee|"
                     r"Special Political and Decolonization Committee \(Fourth Committee\))$",
        "agenda_item": r"^Agenda items? (?P<item>\d+.*)$",
        "adopted": r"^Resolution adopted by the (?P<organ>General Assembly|Human Rights Council|"
                   rf"Economic and Social Council) on {_DATE}$",
        "report": r"^\[(?:on the report of the (?P<committee>.+?) \((?P<docs>.+)\)|"
                  r"without reference to a Main Committee \((?P<docs2>.+)\))\]$",
        "sponsors": r"^(?P<sponsors>.+?)\s*:\s*(?P<type>(?:revised )?draft resolution)$|"
                    r"^(?P<chair>(?:Revised )?[Dd]raft resolution submitted by .+)$",
        "sc_symbol": r"^Resolution (?P<number>\d+) \((?P<year>\d{4})\)$",
        "sc_adopted": r"^Adopted (?:unanimously )?by the Security Council at its "
                      rf"(?P<meeting>\d+(?:st|nd|rd|th)) meeting,? on {_DATE}$",
        "meeting": r"^(?P<meeting>\d+(?:st|nd|rd|th)) (?:plenary )?meeting$",
        "vote": r"^Adopted (?:unanimously )?at the (?P<meeting>\d+(?:st|nd|rd|th)) meeting.*$",
        "citation": r"\bresolutions?\s+(?P<number>(?:S-|ES-)?\d{1,2}/\d{1,3}(?:\s[A-Z]\b)?|\d{1,4}\s\(\d{4}\)"
                    r"|\d{1,4}\s?[A-Z]?\s\((?:[IVXLC]+|S-[IVXLC]+|ES-[IVXLC]+)\)|\d{4}/\d{1,3})"
                    rf"(?:\s+of\s+{_DATE})?",
        "annex": r"^(?P<label>Annex(?:es)?(?: [IVXL]+)?)$",
        "section": r"^(?P<num>[IVXL]+)\.?(?:\s+(?P<heading>[A-Z][^.;:,]*))?$",
    },
)
