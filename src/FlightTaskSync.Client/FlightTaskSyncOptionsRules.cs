using Microsoft.Extensions.Options;

namespace FlightTaskSync.Client;

/// <summary>
/// The checks of <see cref="FlightTaskSyncOptions"/> that need more than a range attribute (required
/// settings, URLs, paths, time spans, settings that depend on each other), each with a message
/// that says which setting is wrong and what would be right. Each failure is reported once, here;
/// the attributes only bound the numbers.
/// </summary>
internal sealed class FlightTaskSyncOptionsRules : IValidateOptions<FlightTaskSyncOptions>
{
    public ValidateOptionsResult Validate(string? name, FlightTaskSyncOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var of = string.IsNullOrEmpty(name) ? string.Empty : $" (registration '{name}')";

        CheckEndpoint(options, of, failures);
        CheckDatabasePath(options.DatabasePath, of, failures);

        if (options.AccessTokenProvider is null)
        {
            failures.Add($"FlightTaskSyncOptions.AccessTokenProvider{of} is required: set it in code to a function that returns the user's current FieldAgent access token, e.g. o.AccessTokenProvider = ct => tokens.GetAccessTokenAsync(ct).");
        }

        CheckRange(failures, $"RetryBaseDelay{of}", options.RetryBaseDelay, TimeSpan.Zero, TimeSpan.FromMinutes(10));
        CheckRange(failures, $"MaxRetryDelay{of}", options.MaxRetryDelay, TimeSpan.Zero, TimeSpan.FromHours(1));
        CheckRange(failures, $"AttemptTimeout{of}", options.AttemptTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        if (options.FullResyncInterval is { } interval)
        {
            CheckRange(failures, $"FullResyncInterval{of}", interval, TimeSpan.Zero, TimeSpan.FromDays(3650));
        }

        if (!Enum.IsDefined(options.ConflictResolution))
        {
            failures.Add(
                $"FlightTaskSyncOptions.ConflictResolution{of} is {(int)options.ConflictResolution}, which is not a ConflictResolution: " +
                "set it to MergeFields (the default) or ServerWins.");
        }

        if (options.MaxRetryDelay < options.RetryBaseDelay)
        {
            failures.Add($"FlightTaskSyncOptions.MaxRetryDelay{of} ({options.MaxRetryDelay}) is shorter than RetryBaseDelay ({options.RetryBaseDelay}): make it at least as long.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Adds a failure when a time span lies outside its range, giving the range.</summary>
    internal static void CheckRange(List<string> failures, string setting, TimeSpan value, TimeSpan min, TimeSpan max, string type = nameof(FlightTaskSyncOptions))
    {
        if (value < min || value > max)
        {
            failures.Add($"{type}.{setting} is {value}: set it from {min} to {max}.");
        }
    }

    private static void CheckEndpoint(FlightTaskSyncOptions options, string of, List<string> failures)
    {
        var endpoint = options.Endpoint;
        if (endpoint is null)
        {
            failures.Add($"FlightTaskSyncOptions.Endpoint{of} is required: set it to the FieldAgent GraphQL endpoint, e.g. https://api.sentera.com/graphql.");
        }
        else if (!endpoint.IsAbsoluteUri)
        {
            failures.Add($"FlightTaskSyncOptions.Endpoint{of} '{endpoint}' is relative: give the full URL, e.g. https://api.sentera.com/graphql.");
        }
        else if (endpoint.Scheme == Uri.UriSchemeHttp && !endpoint.IsLoopback && !options.AllowUnencryptedHttp)
        {
            failures.Add(
                $"FlightTaskSyncOptions.Endpoint{of} '{endpoint}' is unencrypted http: use https (tokens and tasks would cross the " +
                "network in clear), or set AllowUnencryptedHttp for a lab server. http is accepted for loopback addresses.");
        }
        else if (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp)
        {
            failures.Add($"FlightTaskSyncOptions.Endpoint{of} '{endpoint}' must be an https (or loopback http) URL.");
        }
    }

    private static void CheckDatabasePath(string? path, string of, List<string> failures)
    {
        const string Example = "e.g. Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), \"MyFieldApp\", \"flighttasks.db\")";
        if (string.IsNullOrWhiteSpace(path))
        {
            failures.Add($"FlightTaskSyncOptions.DatabasePath{of} is required: set it to the full path of a file in a folder private to the app, {Example}.");
        }
        else if (path.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"FlightTaskSyncOptions.DatabasePath{of} '{path}' contains characters that are not allowed in a path.");
        }
        else if (!Path.IsPathFullyQualified(path))
        {
            // The working directory of an app is often not writable (a MAUI app's never is), and
            // would change where the data is with the way the app is started.
            failures.Add($"FlightTaskSyncOptions.DatabasePath{of} '{path}' is relative: give a full path in a folder private to the app, {Example}.");
        }
    }
}
