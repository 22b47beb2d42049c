"""The team's spend-against-delight chart names every dot it has room for, never one name
over another, and pointing at a dot names everyone there (seen walking the demo as its
lead: five advocates at 0% wrote their names over each other)."""

from __future__ import annotations

from PySide6.QtCore import QPointF

from advocate_console.ui.scoreboard.charts import SpendAgainstDelight, SpendPoint

TEAM = [
    SpendPoint("Connor Byrne", 30, 1.0),
    SpendPoint("Maya Castellanos", 120, 1.0),
    SpendPoint("Dennis Whitford", 78, 0.0),
    SpendPoint("Luis Arellano", 82, 0.0),  # beside Dennis: no room for both names
    SpendPoint("Renata Oliveira", 130, 0.0),
    SpendPoint("Tomás Lindqvist", 165, 0.0),
    SpendPoint("Ana Duarte", 166, 0.0),  # on Tomás's dot
    SpendPoint("Ivana Petrović", 200, 0.0),
    SpendPoint("Soo-jin Park", 223, 0.67),
]


def chart_of(qtbot, points, width=560, height=300) -> SpendAgainstDelight:
    chart = SpendAgainstDelight("Remedy spend against delight", "spend")
    qtbot.addWidget(chart)
    chart.resize(width, height)
    chart.show()
    qtbot.waitExposed(chart)
    chart.show_points(points, "Advocates", "Remedy spend per case", "Delighted", labelled=True)
    qtbot.wait(50)  # (the chart lays out)
    return chart


def shown_areas(chart: SpendAgainstDelight) -> list:
    return [chart.label_area(i, text) for i, text in chart.labels_shown().items()]


def test_no_label_is_drawn_over_another(qtbot):
    chart = chart_of(qtbot, TEAM)
    areas = shown_areas(chart)
    assert not any(a.intersects(b) for i, a in enumerate(areas) for b in areas[i + 1 :])
    shown = chart.labels_shown()
    for index, text in shown.items():  # a whole name, or its first name where that fits
        assert text in (TEAM[index].label, TEAM[index].label.split()[0])
    assert {"Connor Byrne", "Soo-jin Park", "Dennis Whitford"} <= set(shown.values())
    assert 6 not in shown  # on Tomás's dot: no room even for "Ana"
    assert shown.get(3) in (None, "Luis")  # beside Dennis


def test_a_wider_chart_has_room_for_more_names(qtbot):
    narrow = chart_of(qtbot, TEAM, width=420)
    wide = chart_of(qtbot, TEAM, width=1300)

    def whole_names(chart):
        return [i for i, text in chart.labels_shown().items() if text == TEAM[i].label]

    assert len(whole_names(wide)) > len(whole_names(narrow))
    areas = shown_areas(wide)
    assert not any(a.intersects(b) for i, a in enumerate(areas) for b in areas[i + 1 :])


def test_pointing_at_a_dot_names_everyone_there(qtbot):
    chart = chart_of(qtbot, TEAM)
    assert chart.names_at(QPointF(165, 0)) == ["Tomás Lindqvist", "Ana Duarte"]
    assert chart.names_at(QPointF(30, 100)) == ["Connor Byrne"]


def test_the_summary_image_has_the_labels_too(qtbot):
    chart = chart_of(qtbot, TEAM)
    image = chart.image(700, 360)
    assert not image.isNull()
    areas = shown_areas(chart)  # (laid out again at the view's size after)
    assert not any(a.intersects(b) for i, a in enumerate(areas) for b in areas[i + 1 :])
