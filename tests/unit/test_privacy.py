from krachtoverleg.core.models import Attendee, Case, NetworkMember
from krachtoverleg.core.rules.privacy import Names, initials


def test_initials_keep_dutch_particles_lower_case():
    assert initials("Petra de Vries") == "P.d.V."
    assert initials("Ayşe Yılmaz") == "A.Y."
    assert initials("Jan van der Berg") == "J.v.d.B."


def test_privacy_mode_shows_label_role_and_initials_only():
    case = Case(code="K-001", label="Gezin V.", client_name="Petra de Vries")
    kees = NetworkMember("Kees de Vries", "broer", "family")
    hidden, shown = Names(show_names=False), Names(show_names=True)
    assert hidden.client(case) == "Gezin V." and shown.client(case) == "Petra de Vries"
    assert hidden.member(kees) == "broer" and "Kees de Vries" in shown.member(kees)
    assert hidden.attendee(Attendee("Petra de Vries", "cliënt")) == "P.d.V. (cliënt)"
    assert hidden.person("Sanne Bos") == "S.B."
