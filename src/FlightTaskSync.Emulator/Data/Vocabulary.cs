namespace FlightTaskSync.Emulator.Data;

/// <summary>The words seeded data is made of, so that it reads like a real agronomy account.</summary>
internal static class Vocabulary
{
    public static readonly string[] Companies =
    [
        "Acme Agronomy", "Prairie Sky Co-op", "Red River Growers", "Sentera Demo Farms", "Heartland Aerial",
        "Bluestem Ag Services", "Cedar Valley Seed", "Northfield Crop Consulting", "Big Sky Grain", "Riverbend Farms",
    ];

    public static readonly string[] Regions =
    [
        "North region", "South region", "East region", "West region", "Central", "Irrigated acres", "Dryland acres",
    ];

    public static readonly string[] FieldNames =
    [
        "North 40", "Home Quarter", "Creek Bottom", "Section 12 NE", "West Pivot", "East Pivot", "Schoolhouse 80",
        "River Flats", "Hilltop", "South Half", "Old Homestead", "Dry Corner", "Lakeside", "Back 160",
        "Railroad Strip", "County Line", "Gravel Pit", "Church Quarter", "Windbreak 20", "Sandhill",
    ];

    public static readonly string[] Activities =
    [
        "stand count", "weed pressure", "NDVI flight", "emergence check", "hail damage", "drainage survey",
        "nitrogen check", "tar spot scout", "harvest readiness", "replant assessment", "plant health",
        "wind damage", "aphid scout", "green snap check", "yield estimate",
    ];

    public static readonly string[] PlanNames =
    [
        "VRT seeding plan", "Nitrogen zones", "Drainage tile map", "Yield zones", "Fungicide prescription",
        "Soil sampling grid",
    ];

    public static readonly string[] SurveyNames =
    [
        "Emergence survey", "Early season survey", "Mid-season survey", "Pre-harvest survey", "Post-storm survey",
    ];

    public static readonly string[] Notes =
    [
        "Gate code 4411; watch for the power line on the east edge.",
        "Fly before 10 am, the wind picks up after lunch.",
        "Grower wants NDVI and the stand count in one visit.",
        "Access from the gravel road on the north side.",
        "Pivot parked at the 3 o'clock position.",
        "Check the low spot that drowned out last year.",
        "Call Dale before entering: cattle in the next pasture.",
        "Re-fly: the last upload was blurry.",
        "Tile contractor on site Tuesday, stay clear of the trench.",
        "Compare with last year's emergence map.",
        "Stop at the shop for the spare batteries.",
        "Sprayed on the 12th; look for drift on the west edge.",
    ];

    public static readonly string[] FirstNames =
    [
        "Dale", "Karen", "Miguel", "Priya", "Tom", "Ingrid", "Josh", "Amara", "Luis", "Beth", "Hank", "Mei",
    ];

    public static readonly string[] LastNames =
    [
        "Olson", "Schmidt", "Garcia", "Patel", "Nguyen", "Larson", "Peterson", "Okafor", "Hansen", "Kowalski",
    ];
}
