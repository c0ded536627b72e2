"""What end-to-end tests read from a record: each person's role titles (and their organisations), by name."""


def roles(extractor, text: str) -> dict[str, set[str]]:
    record = extractor.extract(text).to_dict()
    return {person["name"]: {role["title"] for role in person["roles"]} for person in record["people"]}


def roles_with_organisations(extractor, text: str) -> dict[str, set[tuple[str, str | None]]]:
    """Each person's (title, organisation) pairs, by name."""
    record = extractor.extract(text).to_dict()
    return {person["name"]: {(role["title"], role["organisation"]) for role in person["roles"]}
            for person in record["people"]}
