"""Word lists the disambiguation rules consult: what surrounds a place name and changes its meaning.

Each list is small, curated and named for the rule that uses it; the common-word list is measured
(see ``common_words.py``). Words are compared as written in the text (case matters) unless noted.
"""
from __future__ import annotations

from typing import Final

# --- After a place name: it names an organisation, not the jurisdiction ---------------------------------
# "Washington Post", "Chicago Tribune", "San Francisco 49ers", "Ohio State". A hyphenated word counts if any
# part is listed ("Sun-Times", "Union-Tribune").
ORG_WORDS: Final = frozenset(
    """
    Times Post Tribune Herald Journal Globe Chronicle Examiner Gazette Inquirer Bee Register Observer Dispatch
    Courier Sun Daily Star Press Review Magazine Weekly Record Enquirer Statesman Sentinel Monitor Independent
    Republic Reporter Mirror Picayune Constitution Telegram Telegraph Advocate Bulletin Standard Beacon Leader
    Morning Free Business News Current Plain
    49ers Giants Jets Yankees Mets Knicks Nets Rangers Islanders Devils Liberty Dodgers Angels Rams Chargers
    Lakers Clippers Kings Ducks Galaxy Padres Warriors Raiders Athletics Sharks Seahawks Mariners Sounders
    Kraken Storm Trail Blazers Timbers Broncos Nuggets Avalanche Rockies Suns Mercury Cardinals Coyotes
    Diamondbacks Bulls Bears Cubs Sox Blackhawks Sky Fire Celtics Patriots Bruins Revolution Eagles Phillies
    76ers Sixers Flyers Steelers Pirates Penguins Browns Cavaliers Cavs Guardians Bengals Reds Lions Tigers
    Pistons Wings Packers Bucks Brewers Vikings Twins Timberwolves Wild Lynx Chiefs Royals Texans Astros
    Rockets Dynamo Cowboys Mavericks Mavs Stars Spurs Dolphins Marlins Heat Panthers Buccaneers Bucs Rays
    Lightning Magic Jaguars Falcons Braves Hawks Dream Saints Pelicans Titans Predators Grizzlies Colts Pacers
    Fever Ravens Orioles Commanders Nationals Nats Capitals Wizards Mystics Hornets Hurricanes Bills Sabres
    Thunder Jazz Aces Blues Red White Blue Golden FC SC
    Marathon Zoo Aquarium Airport Symphony Philharmonic Opera Ballet Museum Film Fashion Auto Stock Mercantile
    Fed University College Hospital Archdiocese Diocese Inc Inc. Corp Corp. Company Co. LLC Bank Airlines
    Airways Instruments Roadhouse Fried Derby A&M Tech Wesleyan Christian Motor Speedway Raceway Bar Jones
    """.split()
)
# Two-word organisation tails whose first word alone is ambiguous ("Chicago Public Schools" is the city's).
ORG_PAIRS: Final = frozenset(
    {
        ("Public", "Radio"), ("Public", "Media"), ("Public", "Library"), ("Federal", "Reserve"),
        ("Community", "College"), ("Law", "School"), ("Medical", "Center"), ("Stock", "Exchange"),
        ("State", "University"), ("State", "College"), ("Business", "Journal"), ("International", "Airport"),
        ("Children's", "Hospital"), ("Film", "Festival"),
    }
)
# Before a place name: "University of California", "Bank of America", "Archdiocese of Chicago".
ORG_OF_WORDS: Final = frozenset({"University", "College", "Bank", "Archdiocese", "Diocese", "Museum", "Symphony", "Port Authority"})

# --- After a place name: the place's own government, so even a risky name is the place ---------------------
GOV_WORDS: Final = frozenset(
    """
    Mayor Gov. Governor Sheriff Sheriff's Police Council City County Board Commission Commissioners
    Supervisors Attorney District Department Legislature Assembly Senate Public School Schools Metro Housing
    Transit Fire Health Jail Detention Superior Municipal Democrats Republicans Unified Township Village Town
    Parish Borough State Highway Patrol Corrections Office Councilman Councilwoman Alderman Aldermen
    Immigration Field Area Division Region Sector Executive Administrator Manager Clerk Court Justice Officials
    """.split()
)

# --- Before a place name: a person ("Sen. Warren", "Mayor Adams", "Hurricane Florence", "Fort Bliss") -------
TITLES: Final = frozenset(
    """
    Mr. Mr Mrs. Mrs Ms. Ms Dr. Dr Sen. Senator Rep. Representative Gov. Governor Lt. Gen. General Judge
    Justice President Secretary Mayor Sheriff Chief Officer Deputy Detective Sgt. Sergeant Capt. Captain
    Commissioner Councilman Councilwoman Councilmember Alderman Alderwoman Director Prof. Professor Rev.
    Pastor Father Sister Brother Hurricane Storm Tropical Typhoon Lake Mount Mt. Fort Ft. Camp Cape Point
    River Prince King Queen Lord Lady Sir Dame Coach Agent Speaker Minister Ambassador Pope Uncle Aunt
    Attorney Sheikh Cardinal Bishop Saint
    """.split()
)

# Capitalised words that may stand right before a place without making it part of a longer name:
# sentence openers, prepositions, and words that qualify a place ("Downtown Chicago", "Democratic-led").
FUNCTION_WORDS: Final = frozenset(
    """
    In At On From To For Of By With And Or But Nor The A An This That These Those Its Their His Her Our Your
    My As Like Unlike Including Near Outside Inside Across Around Throughout Within Beyond Between Among
    Against Over Under Into Onto Through After Before Since Until While When Where Why How What Which Who If
    Because Although Though Even Also Only Both Either Neither Each Every Some Many Most Several All Other
    Another Such Meanwhile Still Yet So Then Now Today Yesterday Here There Last Next Downtown Greater Metro
    Metropolitan Suburban Rural Urban Coastal Inland Nearby Neighboring Neighbouring Democratic Republican
    Democrat Liberal Conservative Progressive Sanctuary Federal Local State City County Than Via Per Despite
    During Toward Towards About Above Below Amid Upon Off Not No Is Was Are Were Says Said Welcome Visit
    Leaving Flee Fled Sues Sue Sued Targets Raids Arrests Subpoenas Blocks Hits Joins Backs Rejects Vs. Vs
    Whether Once Then Though Already However Instead Indeed Otherwise Elsewhere Back Home Than Ex Former
    Northern Southern Eastern Western Central North South East West Northeast Northwest Southeast Southwest
    Upstate Downstate Upper Lower Mid Midtown Uptown
    """.split()
)

# Words of direction before a state: "upstate New York", "Southern California" name a region of the state.
DIRECTIONS: Final = frozenset(
    w for word in """
    northern southern eastern western central north south east west northeast northwest southeast southwest
    northeastern northwestern southeastern southwestern upstate downstate rural coastal
    """.split() for w in (word, word.capitalize())
)

# Before a place: it is where something is, which is what a bare risky name needs to be read as a place.
LOCATIVES: Final = frozenset(
    "in at near from to outside inside across around throughout into toward towards within of".split()
)

# Place names that are at least as often people in US news: presidents, and common given names and surnames.
# They need a state in context or in the article (or to be very large, like Austin) to count as places.
PERSON_NAMES: Final = frozenset(
    """
    washington jefferson madison monroe adams jackson harrison tyler polk taylor fillmore pierce
    buchanan lincoln johnson grant hayes garfield arthur mckinley roosevelt taft wilson harding
    coolidge hoover truman eisenhower kennedy nixon ford carter reagan bush clinton obama trump biden
    warren franklin hamilton irving garland chandler henderson jordan kent logan lawrence marion milton
    mitchell murray newton norman quincy sherman wayne webster allen bell carson clayton douglas eugene everett
    florence frederick gary harris howard hudson kingston lafayette lewis mason morgan nelson stanley stockton
    travis trenton troy victoria vernon walker abbott brown miller davis moore martin thompson white jones
    smith williams young king wright scott green baker hall clark lee hill campbell parker evans edwards
    collins stewart morris rogers reed cook bailey cooper richardson cox ward peterson gray james watson brooks
    kelly sanders price bennett wood barnes ross long hughes foster powell jenkins perry russell sullivan
    butler simmons fisher gordon homan noem bondi vance rubio hochul newsom pritzker abbott desantis polis walz
    healey bass lurie breed emanuel sessions garland barr whitaker mayorkas lightfoot landrieu mamdani
    marshall cameron tyler chester sheridan jasper preston austin ashley beverly shelby
    sidney sterling mackenzie madison hailey brandon tracy
    """.split()
)

# Regions: phrases that contain place names but name neither ("New England" is not England, Ark.) and the
# one state each lies in, where there is one. Regions never make a jurisdiction a subject.
REGIONS: Final[dict[str, str | None]] = {
    "Midwest": None, "Upper Midwest": None, "Northeast": None, "Southwest": None, "Southeast": None,
    "Pacific Northwest": None, "New England": None, "Mid-Atlantic": None, "Deep South": None, "Sun Belt": None,
    "Rust Belt": None, "Bible Belt": None, "Great Plains": None, "Gulf Coast": None, "East Coast": None,
    "West Coast": None, "Eastern Seaboard": None, "Appalachia": None, "Great Lakes": None,
    "Tri-State Area": None, "Four Corners": None, "Panhandle": None,
    "Bay Area": "CA", "San Francisco Bay Area": "CA", "Silicon Valley": "CA", "Inland Empire": "CA",
    "Central Valley": "CA", "San Joaquin Valley": "CA", "Coachella Valley": "CA", "Imperial Valley": "CA",
    "Napa Valley": "CA", "Central Coast": "CA", "Rio Grande Valley": "TX", "Permian Basin": "TX",
    "Hill Country": "TX", "Long Island": "NY", "Hudson Valley": "NY", "Twin Cities": "MN",
    "Research Triangle": "NC", "Lowcountry": "SC", "Chicagoland": "IL", "Upper Peninsula": "MI",
    "Florida Keys": "FL", "Space Coast": "FL", "Cape Cod": "MA", "Eastern Shore": None,
}

# Names news uses that the gazetteer does not carry, by the jurisdiction's stable uid.
EXTRA_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "geonames:5128581": ("N.Y.C.",),  # New York City
    "geonames:5368361": ("L.A.",),  # Los Angeles
    "fips:11": ("DC",),  # District of Columbia
    "fips:42101": ("Philly",),  # Philadelphia
}

# Phrases that contain a place name but are something else; the longer phrase wins ("Justice Department" is
# not Justice, Ill.; "Homeland Security" is not Homeland, Calif.).
BLOCKING_PHRASES: Final = (
    "Justice Department", "Department of Justice", "Commerce Department", "Department of Commerce",
    "Labor Department", "State Department", "Energy Department", "Interior Department", "Defense Department",
    "Treasury Department", "Education Department", "Homeland Security", "Supreme Court", "National Guard",
    "Trust Act", "Values Act", "Secure Communities", "Temporary Protected Status", "Liberty Bell",
    "Independence Day", "Independence Hall", "Main Street", "Wall Street", "Union Station", "Union Pacific",
    "Border Patrol", "White House", "Capitol Hill", "Statue of Liberty", "Ellis Island", "Fox News",
    "Center for Immigration Studies", "Migration Policy Institute", "Federal Reserve", "Supreme Court Justice",
)
