import datetime

from stdnum.cn import ric, uscc

from sanxiang.lib.fakedata import Faker

TODAY = datetime.date(2026, 11, 22)


def test_it_generates_valid_identifiers():
    faker = Faker(7)
    for _ in range(500):
        person = faker.person(today=TODAY)
        assert ric.is_valid(person.id_number)
        assert ric.get_birth_date(person.id_number) == person.birth_date
        assert uscc.is_valid(faker.uscc())
        assert len(person.phone) == 11


def test_it_is_reproducible():
    assert Faker(3).person(today=TODAY) == Faker(3).person(today=TODAY)
    assert Faker(3).person(today=TODAY) != Faker(4).person(today=TODAY)
