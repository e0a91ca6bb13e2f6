namespace FlightTaskSync.Emulator.Http;

/// <summary>The outcome of checking a request's bearer token.</summary>
internal enum TokenCheck
{
    Valid,
    Missing,
    Unknown,
    Expired,
}
