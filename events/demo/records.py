"""The demo data: events, cases, policies and sources derived from the five seed articles.

Written in the tracker's own words. Each record states only what its seed article states; where a
seed does not say when something happened, the event's date is left unstated rather than guessed.
Jurisdictions are referenced by their stable gazetteer ids. Seed files (in ../shared/seeds/, not
shipped with the project) are named in ``seed`` so a reviewer can check every record against its text.

Square brackets in a source title mark an editor's description where the seed carries no headline.
"""
from __future__ import annotations

# --- Sources: one per seed article -----------------------------------------------------------------
SOURCES = {
    "post-doj-workaround": {
        "seed": "000_7830a400163d6a6d.txt",
        "publisher": "New York Post",
        "author": "",
        "title": "How Trump’s DOJ is forcing sanctuary city authorities to help with immigration crackdown",
        "published": None,
    },
    "homan-mayors": {
        "seed": "001_6e26120b966727e1.txt",
        "publisher": "Report citing The Washington Times",
        "author": "",
        "title": "[ICE acting director Thomas Homan on arresting officials of sanctuary cities]",
        "published": None,
    },
    "serrano-subpoenas": {
        "seed": "002_7e04b65d3752a108.txt",
        "publisher": "",
        "author": "Alfonso Serrano",
        "title": "Department of Justice Threatens Jurisdictions That Don’t Cooperate With Immigration Officials",
        "published": "2018-01-25",
    },
    "sanctuary-op": {
        "seed": "003_df35bbd63d484e4c.txt",
        "publisher": "Report citing The Washington Post",
        "author": "",
        "title": "ICE To Initiate Enforcement Action In Sanctuary Jurisdictions",
        "published": None,
    },
    "bove-memo": {
        "seed": "004_4295ae625116deb8.txt",
        "publisher": "Report citing The Washington Post and The Associated Press",
        "author": "",
        "title": "[Justice Department orders prosecutors to target officials who resist deportations]",
        "published": None,
    },
}

# --- Jurisdictions named in the seeds (gazetteer ids) ----------------------------------------------
CALIFORNIA = "fips:06"
ILLINOIS = "fips:17"
NEW_YORK_STATE = "fips:36"
NEW_YORK_CITY = "geonames:5128581"
LOS_ANGELES = "geonames:5368361"
CHICAGO = "geonames:4887398"
SAN_FRANCISCO = "fips:06075"  # consolidated city-county
SANTA_CLARA_COUNTY = "fips:06085"
PHILADELPHIA = "fips:42101"  # consolidated city-county
DENVER = "fips:08031"  # consolidated city-county
MECKLENBURG_COUNTY = "fips:37119"
TOMPKINS_COUNTY = "fips:36109"
ROCHESTER_NY = "geonames:5134086"
TONAWANDA_NY = "geonames:5141175"

# --- Policies --------------------------------------------------------------------------------------
POLICIES = [
    {
        "key": "nyc-sanctuary-laws",
        "jurisdiction": NEW_YORK_CITY,
        "title": "Sanctuary laws, with a carve-out for federal criminal warrants",
        "category": "detainer_limits",
        "stance": "limits",
        "summary": (
            "New York City's sanctuary laws limit cooperation with civil immigration detainers; they "
            "make an exception for criminal charges signed off by a federal magistrate judge."
        ),
        "source": "post-doj-workaround",
    },
    {
        "key": "chicago-limits",
        "jurisdiction": CHICAGO,
        "title": "Limits on cooperation with ICE",
        "category": "other",
        "stance": "limits",
        "summary": "Chicago limits its cooperation with Immigration and Customs Enforcement.",
        "source": "bove-memo",
    },
    {
        "key": "mecklenburg-sanctuary",
        "jurisdiction": MECKLENBURG_COUNTY,
        "title": "Sanctuary policies (as described by ICE)",
        "category": "other",
        "stance": "limits",
        "summary": (
            "ICE described the North Carolina county as having sanctuary policies; the report says the "
            "county sheriff's office did not cooperate much with the agency."
        ),
        "source": "sanctuary-op",
    },
]

# --- Cases -----------------------------------------------------------------------------------------
CASES = [
    {
        "slug": "san-francisco-santa-clara-funding-order-suits",
        "caption": "Lawsuits by San Francisco and Santa Clara County over the sanctuary-funding executive order",
        "court": "Court in San Francisco (not further named in the source)",
        "status": "decided",
        "summary": (
            "San Francisco and Santa Clara County sued over President Trump's executive order denying "
            "federal funding to sanctuary cities."
        ),
        "parties": [
            {"jurisdiction": SAN_FRANCISCO, "role": "plaintiff"},
            {"jurisdiction": SANTA_CLARA_COUNTY, "role": "plaintiff"},
        ],
    },
    {
        "slug": "chicago-v-sessions-grant-money",
        "caption": "Chicago’s lawsuit against Attorney General Jeff Sessions over grant money",
        "court": "Federal court (not named in the source)",
        "status": "decided",
        "summary": (
            "Chicago sued Attorney General Jeff Sessions, contending that the federal policy of withholding "
            "grant money from sanctuary cities was unconstitutional."
        ),
        "parties": [
            {"jurisdiction": CHICAGO, "role": "plaintiff"},
            {"federal_party": "Attorney General Jeff Sessions", "role": "defendant"},
        ],
    },
]

# --- Events ----------------------------------------------------------------------------------------
# Dates: only the 2018 seed is dated (January 25, 2018). "On Wednesday (January 24)" gives the day of
# the DOJ statement; "In November" and "last fall" in the same article fix the rulings to 2017.
EVENTS = [
    {
        "title": "Justice Department threatens subpoenas and grant cuts for 23 sanctuary jurisdictions",
        "kind": "federal_action",
        "date": "2018-01-24",
        "date_precision": "day",
        "summary": (
            "The Justice Department said it could issue subpoenas for documents showing whether 23 states "
            "and cities with sanctuary laws abide by federal immigration law, and that failing to show "
            "cooperation with ICE could cost them federal grant money. California, Illinois, New York City "
            "and Los Angeles are among the 23. Attorney General Jeff Sessions urged the jurisdictions under "
            "review to reconsider their policies."
        ),
        "jurisdictions": [(CALIFORNIA, "subject"), (ILLINOIS, "subject"), (NEW_YORK_CITY, "subject"), (LOS_ANGELES, "subject")],
        "detail": {
            "agency": "DOJ",
            "action_type": "subpoena",
            "amount_at_stake": 39_000_000,
            "amount_note": "federal money threatened, fiscal year 2016, according to The Washington Post",
        },
        "sources": ["serrano-subpoenas"],
    },
    {
        "title": "Judge in San Francisco permanently blocks order denying funds to sanctuary cities",
        "kind": "court_ruling",
        "date": "2017-11-01",
        "date_precision": "month",
        "summary": (
            "After San Francisco and Santa Clara County filed lawsuits, a judge in San Francisco "
            "issued a permanent injunction blocking President Trump's executive order that denied federal "
            "funding to sanctuary cities."
        ),
        "jurisdictions": [(SAN_FRANCISCO, "subject"), (SANTA_CLARA_COUNTY, "subject")],
        "case": "san-francisco-santa-clara-funding-order-suits",
        "detail": {
            "court": "Court in San Francisco (not further named in the source)",
            "ruling_type": "permanent_injunction",
            "outcome": "for_jurisdiction",
        },
        "sources": ["serrano-subpoenas"],
    },
    {
        "title": "Federal judge blocks Sessions from withholding grant money, in Chicago’s lawsuit",
        "kind": "court_ruling",
        "date": "2017-01-01",
        "date_precision": "year",
        "summary": (
            "In the fall of 2017 a federal judge, ruling after Chicago sued Attorney General Jeff Sessions, "
            "blocked him from withholding grant money from sanctuary cities, finding that he had "
            "overstepped his authority. It was one of two such rulings that fall."
        ),
        "jurisdictions": [(CHICAGO, "subject")],
        "case": "chicago-v-sessions-grant-money",
        "detail": {"court": "Federal court (not named in the source)", "ruling_type": "other", "outcome": "for_jurisdiction"},
        "sources": ["serrano-subpoenas"],
    },
    {
        "title": "ICE announces more than 12 arrests in Mecklenburg County",
        "kind": "enforcement_operation",
        "date": None,
        "date_precision": "unknown",
        "summary": (
            "ICE announced that it had arrested more than 12 people in Mecklenburg County, North Carolina, "
            "six of whom had criminal convictions. The report says the county sheriff's office did not "
            "cooperate much with the agency in that case, and gives the day as a Monday but not the date."
        ),
        "jurisdictions": [(MECKLENBURG_COUNTY, "subject")],
        "detail": {
            "agency": "ICE",
            "reported_arrests": None,
            "arrests_note": "more than 12, according to ICE; six had criminal convictions",
        },
        "sources": ["sanctuary-op"],
    },
    {
        "title": "ICE plans a “sanctuary op” starting in California, then Philadelphia and Denver",
        "kind": "federal_action",
        "date": None,
        "date_precision": "unknown",
        "summary": (
            "Citing U.S. officials, The Washington Post reported that ICE would begin an operation in "
            "sanctuary jurisdictions, starting in California, with follow-ups planned for Philadelphia and "
            "Denver. Officials described it as being more about political messaging than a major operation."
        ),
        "jurisdictions": [(CALIFORNIA, "subject"), (PHILADELPHIA, "subject"), (DENVER, "subject")],
        "detail": {"agency": "ICE", "action_type": "other"},
        "sources": ["sanctuary-op"],
    },
    {
        "title": "Justice Department memo orders prosecutors to target officials who resist deportations",
        "kind": "federal_action",
        "date": None,
        "date_precision": "unknown",
        "summary": (
            "In a memo, Acting Deputy Attorney General Emil Bove told federal prosecutors that state and local "
            "officials who resist or obstruct lawful immigration-related orders may be investigated and "
            "charged. The memo created a Sanctuary Cities Enforcement Task Force and directed the civil "
            "division to challenge sanctuary policies in court. The report names Chicago as a city set for "
            "conflict, having recently reaffirmed its limits on cooperation with ICE."
        ),
        "jurisdictions": [(CHICAGO, "mentioned")],
        "detail": {"agency": "DOJ", "action_type": "memo"},
        "sources": ["bove-memo"],
    },
    {
        "title": "Chicago reaffirms its limits on cooperation with ICE",
        "kind": "policy_change",
        "date": None,
        "date_precision": "unknown",
        "summary": (
            "A report on the Justice Department's memo on sanctuary jurisdictions says Chicago had recently "
            "reaffirmed the limits of its cooperation with Immigration and Customs Enforcement."
        ),
        "jurisdictions": [(CHICAGO, "subject")],
        "detail": {"policy": "chicago-limits", "change": "reaffirmed"},
        "sources": ["bove-memo"],
    },
    {
        "title": "Prosecutors charge migrants with illegal reentry, giving ICE warrants that sanctuary jails honor",
        "kind": "federal_action",
        "date": None,
        "date_precision": "unknown",
        "summary": (
            "U.S. attorney offices are charging migrants with federal crimes such as illegal reentry, so that "
            "ICE can pick them up from jails in sanctuary jurisdictions on federal criminal warrants. The DOJ "
            "says more than 15,000 such cases have been filed since President Trump's inauguration. Offices in "
            "New York state outside New York City are using the tactic: those charged include a man who ended "
            "up in Rochester and two men stopped in Tonawanda. It is not clear whether it has been used in New "
            "York City."
        ),
        "jurisdictions": [
            (NEW_YORK_STATE, "subject"),
            (ROCHESTER_NY, "mentioned"),
            (TONAWANDA_NY, "mentioned"),
            (NEW_YORK_CITY, "mentioned"),
        ],
        "detail": {"agency": "DOJ", "action_type": "prosecution"},
        "sources": ["post-doj-workaround"],
    },
    {
        "title": "Justice Department reviews Tompkins County sheriff’s release of a man wanted on a federal warrant",
        "kind": "federal_action",
        "date": None,
        "date_precision": "unknown",
        "summary": (
            "In January (the report gives no year), Trump administration officials criticised the Tompkins "
            "County Sheriff's Office in upstate New York for releasing a Mexican man convicted of assault "
            "even though he had a federal arrest warrant. Acting Deputy Attorney General Emil Bove said the "
            "department was reviewing the incident for potential prosecution."
        ),
        "jurisdictions": [(TOMPKINS_COUNTY, "subject")],
        "detail": {"agency": "DOJ", "action_type": "threat"},
        "sources": ["post-doj-workaround"],
    },
    {
        "title": "ICE director says he is looking at arresting leaders of sanctuary cities",
        "kind": "federal_action",
        "date": None,
        "date_precision": "unknown",
        "summary": (
            "Thomas Homan, acting director of ICE, told The Washington Times that he was looking at arresting "
            "mayors and other leaders of sanctuary cities on charges of violating federal anti-smuggling law, "
            "pointing to 8 U.S.C. 1324, which outlaws attempts to conceal, harbor or shield illegal immigrants."
        ),
        "jurisdictions": [],
        "detail": {"agency": "ICE", "action_type": "threat"},
        "sources": ["homan-mayors"],
    },
]
