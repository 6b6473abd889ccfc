"""Registration numbers and schemes (``docs/registration/README.md``) through the binding."""

import pytest

import mentor
from mentor import InputError


def test_well_formed_and_not() -> None:
    ok = mentor.validate_registration_number("FR", "732 829 320 00074")
    assert ok == {"country": "FR", "scheme": "fr_siret", "normalized": "73282932000074", "formatted": "732 829 320 00074", "valid": True}
    bad = mentor.validate_registration_number("fr", "732 829 320 00075", lang="fr")
    assert (bad["valid"], bad["scheme"], bad.get("error")) == (False, "fr_siret", "bad_check_digit")
    assert bad["normalized"] is None and bad.get("message")
    jp = mentor.validate_registration_number("JP", "T1234567890123")
    assert (jp["valid"], jp["scheme"], jp.get("error")) == (False, None, "unsupported_country")


@pytest.mark.parametrize("country, number", [("XX", "1"), ("", "1"), (None, "1"), ("FR", None), ("FR", b"732829320"), (["FR"], "1")])
def test_bad_arguments_are_input_errors(country: object, number: object) -> None:
    with pytest.raises(InputError) as info:
        mentor.validate_registration_number(country, number)  # type: ignore[arg-type]
    assert info.value.errors()[0]["path"] in ("country", "number")


def test_schemes() -> None:
    fr = mentor.registration_schemes("FR")
    assert fr["supported"] is True and fr["schemes"][0]["scheme"] == "fr_siret"
    assert fr["statuses"] and fr["procedure"]
    assert mentor.registration_schemes("FR", lang="fr")["procedure"] != fr["procedure"]
    jp = mentor.registration_schemes("JP")
    assert (jp["supported"], jp["schemes"], jp["procedure"]) == (False, [], None)
    with pytest.raises(InputError):
        mentor.registration_schemes("France")
