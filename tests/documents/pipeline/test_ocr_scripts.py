"""Pages in a script the first OCR pass lacks (Ethiopic) are read with their own packs whichever way up the page
lies: the ascender test that picks the way up was made for Latin and Arabic, and may pick wrong on Ethiopic (the
first pass's junk may even read better upside down), so a reading in the Ethiopic packs that shows a hint of
the script is tried the other way up before the page is given up as unreadable."""

from __future__ import annotations

import pytest

from bench.kinds_probe import render
from documents.pipeline import run_pipeline

# Short Tigrinya notes: a heading, one long sentence, a signature line. In the probe's plain Ethiopic face the
# second is narrowly taken for upside down, and its first-pass junk reads better so.
NOTES = [
    "ናይ ምሕጽንታ ደብዳበ\nኣነ ሰላም ተስፋይ ጓለይ ሳባ ምስ ኣቦኣ ኣብ ሆላንድ ክትነብር እፈቅድ እየ።\nፌርማ",
    "ናይ ፍቓድ ወረቐት\nኣነ ዳዊት ሃይለ ወደይ ዮናስ ናብ ሆላንድ ክጓዓዝ ፍቓደይ ይህብ።\nፌርማ",
]


@pytest.mark.parametrize("note", NOTES)
def test_a_short_ethiopic_page_is_read_in_its_script(note):
    result = run_pipeline(render(note))
    assert result.languages == ["ti"], result.text
    assert note.splitlines()[1].split()[1] in result.text
    assert getattr(result.unsure, "code", "") != "little_text"
