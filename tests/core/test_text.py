from app.text import fold, name_sort_key, nfc, normalize_name, split_name


def test_fold_removes_accents_case_and_d_stroke() -> None:
    assert fold("  Nguyễn   Thị HỒNG Đào ") == "nguyen thi hong dao"
    assert fold("ĐẶNG đức") == "dang duc"
    assert fold("Ðỗ") == "do"  # Icelandic eth typed for Đ in old files


def test_nfc_joins_decomposed_marks() -> None:
    decomposed = "Nguye\u0302\u0303n"
    assert nfc(decomposed) == "Nguyễn"
    assert len(nfc(decomposed)) == 6


def test_normalize_name_from_capitals_and_lowercase() -> None:
    assert normalize_name("NGUYỄN VĂN BÌNH") == "Nguyễn Văn Bình"
    assert normalize_name("  trần   thị\thoa ") == "Trần Thị Hoa"
    assert normalize_name("y-bih niê") == "Y-Bih Niê"


def test_sort_by_given_name_first() -> None:
    names = ["Nguyễn Văn Bình", "Trần Thị An", "Lê Văn Bình", "Phạm Cường"]
    assert sorted(names, key=name_sort_key) == ["Trần Thị An", "Lê Văn Bình", "Nguyễn Văn Bình", "Phạm Cường"]


def test_vietnamese_alphabet_order() -> None:
    # a < ă < â, d < đ, o < ô < ơ, u < ư — not the code-point or accent-stripped order
    names = ["Lê Ơn", "Lê Ân", "Lê Đông", "Lê Ăn", "Lê Ôn", "Lê An", "Lê Dung", "Lê On", "Lê Ưng", "Lê Uyên"]
    assert sorted(names, key=name_sort_key) == [
        "Lê An", "Lê Ăn", "Lê Ân", "Lê Dung", "Lê Đông", "Lê On", "Lê Ôn", "Lê Ơn", "Lê Uyên", "Lê Ưng"]


def test_tones_break_ties_in_dictionary_order() -> None:
    names = ["Lê Mạ", "Lê Má", "Lê Mã", "Lê Mả", "Lê Mà", "Lê Ma"]
    assert sorted(names, key=name_sort_key) == ["Lê Ma", "Lê Mà", "Lê Mả", "Lê Mã", "Lê Má", "Lê Mạ"]


def test_letters_decide_before_tones() -> None:
    assert name_sort_key("Lê Án") < name_sort_key("Lê Anh")
    assert name_sort_key("Lê Ánh") > name_sort_key("Lê Anh")


def test_same_given_name_then_family_name() -> None:
    assert sorted(["Trần Hoa", "Đỗ Hoa", "Bùi Hoa"], key=name_sort_key) == ["Bùi Hoa", "Đỗ Hoa", "Trần Hoa"]


def test_split_name() -> None:
    assert split_name("Nguyễn Thị Hồng Đào") == ("Nguyễn", "Thị Hồng", "Đào")
    assert split_name("Đào") == ("", "", "Đào")


def test_each_given_name_is_one_group() -> None:
    names = ["Đặng Xuân Anh", "Dương Thùy Ánh", "Bùi Anh", "Lê Thị Ánh", "Trần An", "Võ Án"]
    assert sorted(names, key=name_sort_key) == ["Trần An", "Võ Án", "Bùi Anh", "Đặng Xuân Anh", "Dương Thùy Ánh",
                                                "Lê Thị Ánh"]


def test_a_shorter_middle_name_sorts_first() -> None:
    """Issue 19 item 4: the family and middle names compare word by word, and a name that runs out
    of words comes first (the key once joined words with ' ' and ended them with '|', ' ' < '|')."""
    assert sorted(["Lê Thị Phương Anh", "Lê Thị Anh"], key=name_sort_key) == ["Lê Thị Anh", "Lê Thị Phương Anh"]
    assert sorted(["Trần Thị Ánh Anh", "Trần Thị Anh"], key=name_sort_key) == ["Trần Thị Anh", "Trần Thị Ánh Anh"]
    assert sorted(["Lê Thịnh Anh", "Lê Thị Anh", "Lê Thị An Anh"], key=name_sort_key) == [
        "Lê Thị Anh", "Lê Thị An Anh", "Lê Thịnh Anh"]
    assert sorted(["Nguyễn Văn A Bình", "Nguyễn Văn Bình", "Nguyễn Bình"], key=name_sort_key) == [
        "Nguyễn Bình", "Nguyễn Văn Bình", "Nguyễn Văn A Bình"]


def test_generated_names_sort_in_vietnamese_order() -> None:
    """The string key orders a generated list exactly as a word-by-word comparison does: the given
    name's letters, its tones, the other words' letters one word after another (a word that runs
    out first comes first), then their tones."""
    import itertools
    import random

    from app.text import _letters

    def reference(name: str) -> tuple:
        words = name.split(" ")
        given = _letters(words[-1])
        rest = [_letters(w) for w in words[:-1]]
        return given[0], given[1], [p for p, _ in rest], "".join(t for _, t in rest)

    families = ["Lê", "Trần", "Nguyễn", "Ngô", "Đỗ", "Ông", "Lý"]
    middles = ["", "Thị", "Thị Phương", "Thị Ánh", "Văn", "Văn A", "Thịnh", "Anh", "Thị An"]
    givens = ["Anh", "Ánh", "An", "Án", "Bình", "Ân", "Thị"]
    names = [" ".join(w for w in (f, m, g) if w) for f, m, g in itertools.product(families, middles, givens)]
    random.Random(19).shuffle(names)
    assert sorted(names, key=name_sort_key) == sorted(names, key=reference)
