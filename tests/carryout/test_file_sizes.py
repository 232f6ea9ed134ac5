"""File sizes read in one unit family (KB, MB) wherever evidence is listed."""

from zhenggai.carryout.templatetags.carryout_tags import file_size


def test_small_files_are_told_in_kb_not_bytes():
    assert file_size(69) == "0.1 KB"
    assert file_size(2048) == "2 KB"
    assert file_size(3 * 1024 * 1024) == "3 MB"
