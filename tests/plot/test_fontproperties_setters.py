"""Every ``set_fontproperties`` (Text, tick labels, legend texts) sets the font's fields
through one helper, and keeps what the FontProperties leaves None."""

import pytest

import lumos.pyplot as plt
from lumos.plot.fonts import FontProperties


@pytest.fixture
def targets():
    fig, ax = plt.subplots()
    ax.plot([1, 2], label="a")
    leg = ax.legend()
    yield ax.text(0, 0, "x"), ax.get_xticklabels()[0], leg.get_texts()[0]
    plt.close(fig)


def test_all_fields_set(targets):
    fp = FontProperties(family="serif", style="italic", weight="bold", size=13)
    for target in targets:
        target.set_fontproperties(fp)
        assert target.get_fontsize() == 13.0
    text, _, legend_text = targets
    for target in (text, legend_text):
        assert target.get_fontweight() == "bold"
        assert target.get_fontstyle() == "italic"
        assert list(target.get_fontfamily()) == ["serif"]


def test_none_fields_stay(targets):
    for target in targets:
        target.set_fontsize(9)
        target.set_fontproperties({"weight": "bold"})
        assert target.get_fontsize() == 9.0
    text, _, legend_text = targets
    text.set_fontproperties("monospace")
    assert text.get_fontweight() == "bold" and list(text.get_fontfamily()) == ["monospace"]


def test_bad_prop_names_argument(targets):
    for target in targets:
        with pytest.raises(TypeError, match="prop"):
            target.set_fontproperties(3.5)
