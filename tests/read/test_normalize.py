from gongkai.read.normalize import clean, label_key, strip_pinyin


def test_pinyin_debris_removed_but_real_parentheses_kept():
    assert strip_pinyin("政府信息公開系統(tǒng)主動") == "政府信息公開系統主動"
    assert strip_pinyin("數(shù)據(jù)") == "數據"
    assert strip_pinyin("（一）予以公开") == "（一）予以公开"
    assert strip_pinyin("政务新媒体(APP)") == "政务新媒体(APP)"


def test_traditional_to_simplified_and_widths():
    assert clean("總計 規章 行政許可\u3000１２３") == "总计 规章 行政许可 123"
    assert clean("予以公开") == "予以公开"


def test_label_key_folds_punctuation_and_spaces():
    assert label_key("（二） 部分公开（区分处理的，只计这一情形）") == "二部分公开区分处理的只计这一情形"
