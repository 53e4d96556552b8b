import pytest

from sanxiang.lib import env


def test_it_reads_booleans_strictly():
    assert env.env_bool("X", environ={"X": "yes"}) is True
    assert env.env_bool("X", environ={"X": "0"}) is False
    assert env.env_bool("X", True, environ={}) is True
    with pytest.raises(ValueError, match="X must be a boolean"):
        env.env_bool("X", environ={"X": "maybe"})


def test_it_reads_integers_and_names_the_variable_on_error():
    assert env.env_int("N", 3, environ={"N": "12"}) == 12
    with pytest.raises(ValueError, match="N must be an integer"):
        env.env_int("N", 3, environ={"N": "twelve"})


def test_it_reads_secrets_from_files(tmp_path):
    secret = tmp_path / "key"
    secret.write_text("s3cret\n", encoding="utf-8")
    assert env.env_secret("SECRET_KEY", environ={"SECRET_KEY_FILE": str(secret)}) == "s3cret"
    assert env.env_secret("SECRET_KEY", environ={}) is None


def test_it_splits_lists():
    assert env.env_list("H", ["a"], environ={"H": "x, y,,z"}) == ["x", "y", "z"]
    assert env.env_list("H", ["a"], environ={}) == ["a"]


def test_it_reads_floats_and_json_and_names_the_variable_when_bad():
    import pytest

    from sanxiang.lib.env import env_float, env_json

    assert env_float("X", 0.85, environ={}) == 0.85
    assert env_float("X", 0.85, environ={"X": "0.9"}) == 0.9
    assert env_json("X", {}, environ={"X": '{"review": {"n": 5}}'}) == {"review": {"n": 5}}
    with pytest.raises(ValueError, match="X must be a number"):
        env_float("X", 0.85, environ={"X": "high"})
    with pytest.raises(ValueError, match="X must be JSON"):
        env_json("X", {}, environ={"X": "{review"})
