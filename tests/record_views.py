"""What end-to-end tests read from a record: each person's role titles, by name."""


def roles(extractor, text: str) -> dict[str, set[str]]:
    record = extractor.extract(text).to_dict()
    return {person["name"]: {role["title"] for role in person["roles"]} for person in record["people"]}
