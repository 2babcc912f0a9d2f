"""Draws the sample content's images: a logo for each invented partner and start-up
(`partners/logos/`) and an illustration for each catalogue topic (`catalogue/illustrations/`).

They are made here, so the site may publish them; the files are committed, and `load_site` turns
them into Wagtail images. Run again after changing a drawing: `python site/draw_sample_images.py`.
Everything is drawn at twice the size and scaled down, which smooths the edges.
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
FONTS = Path("/usr/share/fonts/truetype")
SCALE = 2

LOGO_SIZE = (600, 200)
ILLUSTRATION_SIZE = (1200, 675)

# The palette of the site (static/css/site.css) with a few companions.
INK = (11, 42, 71)
BLUE = (11, 79, 138)
SKY = (214, 230, 244)
GREEN = (23, 112, 74)
LEAF = (76, 175, 80)
YELLOW = (255, 210, 122)
ORANGE = (232, 119, 34)
GREY = (120, 134, 150)
WHITE = (255, 255, 255)


def font(name, size):
    return ImageFont.truetype(str(FONTS / name), size * SCALE)


def canvas(size, background):
    width, height = size
    mode = "RGBA" if len(background) == 4 else "RGB"
    image = Image.new(mode, (width * SCALE, height * SCALE), background)
    return image, ImageDraw.Draw(image)


def scaled(*points):
    return [value * SCALE for value in points]


def finish(image, size, path):
    path.parent.mkdir(parents=True, exist_ok=True)
    image.resize(size, Image.Resampling.LANCZOS).save(path, optimize=True)


# Logos: a mark on the left, the name set in the organisation's own type on the right.


def logo(slug, mark, name, legal_form, colour, typeface):
    image, draw = canvas(LOGO_SIZE, (255, 255, 255, 0))
    mark(draw, colour)
    # The largest size up to 46 px at which the name fits beside the mark.
    size = 46
    while draw.textlength(name, font=font(typeface, size)) > 370 * SCALE:
        size -= 1
    draw.text(scaled(202, 96), name, font=font(typeface, size), fill=INK, anchor="ls")
    draw.line(scaled(204, 116, 572, 116), fill=colour, width=4 * SCALE)
    small = font("liberation/LiberationSans-Regular.ttf", 24)
    draw.text(scaled(204, 150), legal_form, font=small, fill=GREY, anchor="ls")
    finish(image, LOGO_SIZE, HERE / "partners" / "logos" / f"{slug}.png")


def mark_street(draw, colour):
    """A street running into the distance, swept clean."""
    draw.rounded_rectangle(scaled(20, 20, 180, 180), radius=36 * SCALE, fill=colour)
    draw.polygon(scaled(60, 170, 140, 170, 108, 60, 92, 60), fill=WHITE)
    for y, half in ((150, 6), (118, 4), (90, 3)):
        draw.rectangle(scaled(100 - 2, y - half * 2, 100 + 2, y + half), fill=colour)
    draw.ellipse(scaled(128, 36, 156, 64), fill=YELLOW)


def mark_data_bars(draw, colour):
    """Traffic counts rising, on a road's dashed line."""
    for index, height in enumerate((50, 85, 120)):
        left = 34 + index * 48
        draw.rounded_rectangle(scaled(left, 160 - height, left + 34, 160), 8 * SCALE, fill=colour)
    for left in range(24, 180, 30):
        draw.rectangle(scaled(left, 172, left + 18, 178), fill=GREY)


def mark_bolt(draw, colour):
    """A lightning bolt over a roofline."""
    draw.polygon(scaled(20, 110, 100, 40, 180, 110, 160, 110, 100, 62, 40, 110), fill=INK)
    draw.polygon(scaled(112, 20, 62, 112, 98, 112, 82, 182, 142, 84, 106, 84, 126, 20), fill=colour)


def mark_town_hall(draw, colour):
    """A town hall's pediment and columns."""
    draw.polygon(scaled(20, 70, 100, 22, 180, 70), fill=colour)
    for left in (36, 72, 108, 144):
        draw.rectangle(scaled(left, 82, left + 20, 156), fill=colour)
    draw.rectangle(scaled(24, 162, 176, 176), fill=colour)
    draw.ellipse(scaled(90, 40, 110, 60), fill=YELLOW)


def mark_network(draw, colour):
    """Regional offices joined in a network."""
    nodes = [(100, 30), (164, 70), (150, 150), (50, 150), (36, 70), (100, 100)]
    for start in nodes[:-1]:
        draw.line(scaled(*start, *nodes[-1]), fill=colour, width=7 * SCALE)
    for start, end in zip(nodes[:-1], nodes[1:-1] + nodes[:1], strict=True):
        draw.line(scaled(*start, *end), fill=colour, width=4 * SCALE)
    for x, y in nodes:
        radius = 20 if (x, y) == nodes[-1] else 14
        draw.ellipse(scaled(x - radius, y - radius, x + radius, y + radius), fill=colour)
        draw.ellipse(scaled(x - 6, y - 6, x + 6, y + 6), fill=WHITE)


def mark_parking_signal(draw, colour):
    """A parking sign that sends a signal."""
    draw.rounded_rectangle(scaled(20, 56, 144, 180), radius=22 * SCALE, fill=colour)
    draw.text(
        scaled(82, 120), "P", font=font("dejavu/DejaVuSans-Bold.ttf", 96), fill=WHITE, anchor="mm"
    )
    for radius in (26, 48):
        box = scaled(144 - radius, 56 - radius, 144 + radius, 56 + radius)
        draw.arc(box, start=-90, end=0, fill=LEAF, width=9 * SCALE)


def mark_lamp(draw, colour):
    """A street lamp and the light it casts."""
    draw.polygon(scaled(92, 60, 148, 60, 180, 176, 60, 176), fill=YELLOW)
    draw.rectangle(scaled(40, 36, 52, 180), fill=colour)
    draw.rounded_rectangle(scaled(40, 28, 128, 44), radius=8 * SCALE, fill=colour)
    draw.rounded_rectangle(scaled(86, 40, 154, 64), radius=10 * SCALE, fill=colour)


LOGOS = [
    (
        "cista-ulice",
        mark_street,
        "Čistá ulice",
        "s.r.o.",
        GREEN,
        "liberation/LiberationSans-Bold.ttf",
    ),
    (
        "dopravni-data",
        mark_data_bars,
        "Dopravní data",
        "s.r.o.",
        BLUE,
        "dejavu/DejaVuSansCondensed-Bold.ttf",
    ),
    (
        "energie-pro-mesta",
        mark_bolt,
        "Energie pro města",
        "a.s.",
        ORANGE,
        "liberation/LiberationSans-Bold.ttf",
    ),
    (
        "komunalni-finance",
        mark_town_hall,
        "Komunální finance",
        "a.s.",
        (20, 90, 100),
        "liberation/LiberationSerif-Bold.ttf",
    ),
    (
        "krajske-it-systemy",
        mark_network,
        "Krajské IT systémy",
        "s.r.o.",
        (96, 64, 160),
        "dejavu/DejaVuSans-Bold.ttf",
    ),
    ("parksense", mark_parking_signal, "ParkSense", "s.r.o.", BLUE, "dejavu/DejaVuSans-Bold.ttf"),
    (
        "svetlo-chytre",
        mark_lamp,
        "Světlo chytře",
        "s.r.o.",
        INK,
        "liberation/LiberationSansNarrow-Bold.ttf",
    ),
]


# Illustrations: one town scene, and in front of it what the topic is about.


def scene(sky, ground):
    image, draw = canvas(ILLUSTRATION_SIZE, sky)
    width, height = ILLUSTRATION_SIZE
    # The sky lightens towards the horizon.
    for y in range(0, 420, 6):
        shade = tuple(min(255, channel + y // 12) for channel in sky)
        draw.rectangle(scaled(0, y, width, y + 6), fill=shade)
    skyline = [
        (60, 250),
        (150, 300),
        (230, 210),
        (330, 280),
        (420, 180),
        (520, 260),
        (640, 230),
        (760, 300),
        (860, 200),
        (960, 270),
        (1080, 240),
    ]
    for left, top in skyline:
        draw.rectangle(scaled(left, top, left + 90, 440), fill=(190, 208, 226))
        for row in range(top + 20, 420, 34):
            for column in (left + 16, left + 52):
                draw.rectangle(scaled(column, row, column + 20, row + 16), fill=(226, 236, 246))
    draw.rectangle(scaled(0, 440, width, height), fill=ground)
    return image, draw


def road(draw):
    draw.rectangle(scaled(0, 520, 1200, 640), fill=(70, 80, 92))
    for left in range(20, 1200, 120):
        draw.rectangle(scaled(left, 576, left + 60, 584), fill=WHITE)


def car(draw, left, colour):
    draw.rounded_rectangle(scaled(left, 560, left + 150, 610), radius=14 * SCALE, fill=colour)
    draw.rounded_rectangle(scaled(left + 28, 528, left + 118, 566), radius=12 * SCALE, fill=colour)
    draw.rectangle(scaled(left + 40, 536, left + 106, 560), fill=SKY)
    for wheel in (left + 30, left + 120):
        draw.ellipse(scaled(wheel - 18, 594, wheel + 18, 630), fill=INK)


def tree(draw, left):
    draw.rectangle(scaled(left - 6, 400, left + 6, 470), fill=(110, 80, 50))
    draw.ellipse(scaled(left - 44, 320, left + 44, 420), fill=LEAF)


def person(draw, left, colour):
    draw.ellipse(scaled(left - 16, 430, left + 16, 462), fill=(240, 200, 170))
    draw.rounded_rectangle(scaled(left - 22, 466, left + 22, 560), radius=16 * SCALE, fill=colour)


def traffic_flow(draw):
    road(draw)
    car(draw, 180, BLUE)
    car(draw, 520, ORANGE)
    car(draw, 860, GREEN)
    draw.rectangle(scaled(1080, 330, 1096, 520), fill=INK)
    draw.rounded_rectangle(scaled(1056, 250, 1120, 400), radius=16 * SCALE, fill=INK)
    for y, colour in ((278, (90, 40, 40)), (325, (110, 90, 40)), (372, LEAF)):
        draw.ellipse(scaled(1070, y - 18, 1106, y + 18), fill=colour)


def parking(draw):
    road(draw)
    for left in (120, 420, 720):
        draw.line(scaled(left, 470, left, 520), fill=WHITE, width=6 * SCALE)
    car(draw, 150, BLUE)
    car(draw, 450, GREY)
    draw.rectangle(scaled(960, 300, 976, 520), fill=INK)
    draw.rounded_rectangle(scaled(910, 220, 1030, 340), radius=18 * SCALE, fill=BLUE)
    draw.text(
        scaled(970, 282), "P", font=font("dejavu/DejaVuSans-Bold.ttf", 84), fill=WHITE, anchor="mm"
    )
    for radius in (30, 56):
        draw.arc(
            scaled(760 - radius, 470 - radius, 760 + radius, 470 + radius),
            200,
            340,
            fill=LEAF,
            width=8 * SCALE,
        )


def public_transport(draw):
    road(draw)
    draw.rounded_rectangle(scaled(260, 400, 840, 610), radius=28 * SCALE, fill=GREEN)
    for left in range(300, 800, 100):
        draw.rounded_rectangle(scaled(left, 430, left + 76, 500), radius=8 * SCALE, fill=SKY)
    draw.rectangle(scaled(260, 530, 840, 544), fill=YELLOW)
    for wheel in (360, 740):
        draw.ellipse(scaled(wheel - 34, 580, wheel + 34, 648), fill=INK)
    draw.rectangle(scaled(960, 360, 972, 520), fill=INK)
    draw.rounded_rectangle(scaled(930, 320, 1010, 380), radius=10 * SCALE, fill=BLUE)
    person(draw, 1060, ORANGE)


def shared_mobility(draw):
    draw.rectangle(scaled(0, 560, 1200, 600), fill=(70, 80, 92))
    for left, colour in ((200, GREEN), (460, ORANGE), (720, BLUE)):
        for wheel in (left, left + 150):
            draw.ellipse(scaled(wheel - 50, 470, wheel + 50, 570), outline=INK, width=8 * SCALE)
        draw.line(scaled(left, 520, left + 70, 450, left + 150, 520), fill=colour, width=10 * SCALE)
        draw.line(scaled(left + 70, 450, left + 60, 420), fill=colour, width=10 * SCALE)
    draw.rounded_rectangle(scaled(960, 360, 1120, 560), radius=20 * SCALE, fill=INK)
    draw.rounded_rectangle(scaled(980, 380, 1100, 460), radius=10 * SCALE, fill=LEAF)


def energy_efficiency(draw):
    draw.rectangle(scaled(380, 300, 820, 600), fill=(236, 230, 214))
    draw.polygon(scaled(350, 310, 600, 170, 850, 310), fill=ORANGE)
    for left in (430, 560, 690):
        draw.rectangle(scaled(left, 360, left + 80, 440), fill=SKY)
        draw.rectangle(scaled(left, 480, left + 80, 560), fill=SKY)
    draw.rectangle(scaled(372, 300, 392, 600), fill=YELLOW)
    draw.rectangle(scaled(808, 300, 828, 600), fill=YELLOW)
    draw.rounded_rectangle(scaled(960, 300, 1000, 560), radius=20 * SCALE, fill=WHITE)
    draw.ellipse(scaled(950, 530, 1010, 590), fill=GREEN)
    draw.rectangle(scaled(972, 420, 988, 560), fill=GREEN)
    tree(draw, 200)


def street_lighting(draw):
    draw.rectangle(scaled(0, 0, 1200, 440), fill=(30, 50, 86))
    road(draw)
    for left in (200, 600, 1000):
        draw.polygon(
            scaled(left + 60, 300, left + 100, 300, left + 170, 520, left - 10, 520),
            fill=(250, 230, 160),
        )
        draw.rectangle(scaled(left - 8, 250, left + 8, 520), fill=INK)
        draw.rounded_rectangle(scaled(left - 8, 244, left + 90, 262), radius=8 * SCALE, fill=INK)
        draw.rounded_rectangle(
            scaled(left + 50, 256, left + 110, 300), radius=10 * SCALE, fill=GREY
        )
    draw.ellipse(scaled(980, 60, 1060, 140), fill=(240, 240, 220))


def renewable_energy(draw):
    for left in (120, 420):
        draw.polygon(scaled(left, 560, left + 260, 560, left + 220, 420, left + 40, 420), fill=BLUE)
        for step in range(1, 4):
            x = left + step * 65
            draw.line(scaled(x - 10 + step * 0, 420, x, 560), fill=SKY, width=3 * SCALE)
        draw.line(scaled(left + 20, 490, left + 240, 490), fill=SKY, width=3 * SCALE)
    draw.polygon(scaled(880, 600, 910, 600, 900, 260, 890, 260), fill=WHITE)
    for x2, y2 in ((895, 120), (1020, 320), (770, 330)):
        draw.line(scaled(895, 260, x2, y2), fill=WHITE, width=16 * SCALE)
    draw.ellipse(scaled(880, 245, 910, 275), fill=GREY)
    draw.ellipse(scaled(1000, 60, 1100, 160), fill=YELLOW)


def open_data(draw):
    draw.rounded_rectangle(scaled(260, 160, 940, 600), radius=24 * SCALE, fill=WHITE)
    for index, height in enumerate((120, 200, 150, 260, 310)):
        left = 320 + index * 110
        draw.rounded_rectangle(
            scaled(left, 540 - height, left + 70, 540),
            radius=8 * SCALE,
            fill=(BLUE, GREEN)[index % 2],
        )
    draw.line(
        scaled(320, 420, 430, 360, 540, 390, 650, 280, 760, 220, 870, 200),
        fill=ORANGE,
        width=8 * SCALE,
    )
    draw.rectangle(scaled(300, 548, 900, 556), fill=GREY)


def digital_infrastructure(draw):
    draw.polygon(scaled(600, 140, 540, 600, 660, 600), fill=GREY)
    draw.rectangle(scaled(570, 240, 630, 252), fill=INK)
    draw.rectangle(scaled(560, 360, 640, 372), fill=INK)
    for radius in (70, 130, 190):
        for start in (200, -20):
            draw.arc(
                scaled(600 - radius, 160 - radius, 600 + radius, 160 + radius),
                start,
                start + 40,
                fill=BLUE,
                width=10 * SCALE,
            )
    draw.line(scaled(0, 620, 1200, 620), fill=ORANGE, width=10 * SCALE)
    for left in (120, 360, 840, 1080):
        draw.rounded_rectangle(scaled(left - 30, 580, left + 30, 640), radius=8 * SCALE, fill=INK)


def e_government(draw):
    draw.rounded_rectangle(scaled(300, 160, 900, 540), radius=20 * SCALE, fill=INK)
    draw.rectangle(scaled(324, 184, 876, 516), fill=WHITE)
    draw.rectangle(scaled(324, 184, 876, 230), fill=BLUE)
    for row in range(270, 460, 60):
        draw.rounded_rectangle(
            scaled(360, row, 840, row + 34), radius=6 * SCALE, outline=GREY, width=3 * SCALE
        )
    draw.rounded_rectangle(scaled(700, 456, 840, 496), radius=10 * SCALE, fill=GREEN)
    draw.polygon(scaled(520, 540, 680, 540, 700, 600, 500, 600), fill=INK)
    person(draw, 1040, ORANGE)


def clean_public_space(draw):
    tree(draw, 180)
    tree(draw, 1040)
    draw.rounded_rectangle(scaled(480, 400, 640, 600), radius=16 * SCALE, fill=GREEN)
    draw.rectangle(scaled(460, 380, 660, 410), fill=INK)
    draw.rounded_rectangle(scaled(520, 450, 600, 480), radius=8 * SCALE, fill=LEAF)
    for radius in (26, 48):
        draw.arc(
            scaled(680 - radius, 360 - radius, 680 + radius, 360 + radius),
            250,
            340,
            fill=BLUE,
            width=7 * SCALE,
        )
    draw.line(scaled(760, 360, 860, 600), fill=(140, 100, 60), width=10 * SCALE)
    draw.polygon(scaled(820, 580, 900, 580, 920, 630, 800, 630), fill=YELLOW)


def citizen_participation(draw):
    for left, colour in ((300, ORANGE), (480, BLUE), (660, GREEN), (840, INK)):
        person(draw, left, colour)
    bubbles = [(250, 220, 470, 330, YELLOW), (560, 160, 800, 280, WHITE), (780, 240, 980, 340, SKY)]
    for left, top, right, bottom, colour in bubbles:
        draw.rounded_rectangle(scaled(left, top, right, bottom), radius=30 * SCALE, fill=colour)
        for line in range(top + 30, bottom - 20, 26):
            draw.rounded_rectangle(
                scaled(left + 30, line, right - 30, line + 10), radius=5 * SCALE, fill=GREY
            )
    draw.rectangle(scaled(200, 560, 1000, 580), fill=(140, 100, 60))


ILLUSTRATIONS = {
    "traffic-flow": (traffic_flow, SKY, (150, 200, 150)),
    "parking": (parking, SKY, (150, 200, 150)),
    "public-transport": (public_transport, SKY, (150, 200, 150)),
    "shared-mobility": (shared_mobility, SKY, (160, 205, 150)),
    "energy-efficiency": (energy_efficiency, (240, 222, 196), (160, 205, 150)),
    "street-lighting": (street_lighting, (30, 50, 86), (60, 80, 70)),
    "renewable-energy": (renewable_energy, (200, 226, 246), (150, 200, 130)),
    "open-data": (open_data, (222, 232, 244), (190, 205, 220)),
    "digital-infrastructure": (digital_infrastructure, (214, 226, 240), (160, 200, 160)),
    "e-government": (e_government, (226, 232, 246), (190, 205, 220)),
    "clean-public-space": (clean_public_space, SKY, (150, 205, 140)),
    "citizen-participation": (citizen_participation, (232, 236, 246), (170, 205, 160)),
}


def draw_all():
    for slug, mark, name, legal_form, colour, typeface in LOGOS:
        logo(slug, mark, name, legal_form, colour, typeface)
    for slug, (draw_topic, sky, ground) in ILLUSTRATIONS.items():
        image, draw = scene(sky, ground)
        draw_topic(draw)
        finish(image, ILLUSTRATION_SIZE, HERE / "catalogue" / "illustrations" / f"{slug}.png")


if __name__ == "__main__":
    draw_all()
