from datetime import date

import factory
from django.core.files.base import ContentFile

from accounts.models import Organisation, User
from cases.models import Case, FamilyMember
from documents.models import Document


class OrganisationFactory(factory.django.DjangoModelFactory):
    """By default every case and counsellor of a test shares one organisation; name another for a second."""

    class Meta:
        model = Organisation
        django_get_or_create = ("name",)

    name = "Organisation A"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    role = User.Role.SPONSOR
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class CounsellorFactory(UserFactory):
    role = User.Role.COUNSELLOR
    organisation = factory.SubFactory(OrganisationFactory)


class CoordinatorFactory(UserFactory):
    role = User.Role.COORDINATOR
    organisation = factory.SubFactory(OrganisationFactory)


class AdminFactory(UserFactory):
    is_staff = True
    is_superuser = True


class CaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Case
        skip_postgeneration_save = True

    sponsor = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    sponsor_birth_date = date(1988, 1, 15)
    permit_decision_date = date(2026, 10, 1)
    v_number = factory.Sequence(lambda n: f"{1000000000 + n}")

    @factory.post_generation
    def counsellors(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.counsellors.add(*extracted)


class FamilyMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FamilyMember

    case = factory.SubFactory(CaseFactory)
    relation = FamilyMember.Relation.CHILD
    given_names = factory.Faker("first_name")
    surname = factory.Faker("last_name")
    birth_date = date(2015, 6, 7)


class DocumentFactory(factory.django.DjangoModelFactory):
    """A document as it is once read; ``file`` holds a tiny placeholder."""

    class Meta:
        model = Document

    case = factory.SubFactory(CaseFactory)
    file = factory.LazyFunction(lambda: ContentFile(b"\xff\xd8\xff placeholder", name="photo.jpg"))
    original_name = "photo.jpg"
    content_type = "image/jpeg"
    size = 16
    sha256 = factory.Sequence(lambda n: f"{n:064x}")
    status = Document.Status.DONE
    kind = Document.Kind.PASSPORT
    languages = factory.LazyFunction(lambda: ["en"])
