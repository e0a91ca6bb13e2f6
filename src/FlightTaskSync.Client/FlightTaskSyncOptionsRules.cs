using Microsoft.Extensions.Options;

namespace FlightTaskSync.Client;

/// <summary>
/// The checks of <see cref="FlightTaskSyncOptions"/> that attributes cannot express, each with a
/// message that says which setting is wrong and what would be right.
/// </summary>
internal sealed class FlightTaskSyncOptionsRules : IValidateOptions<FlightTaskSyncOptions>
{
    public ValidateOptionsResult Validate(string? name, FlightTaskSyncOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (options.Endpoint is null)
        {
            failures.Add("FlightTaskSyncOptions.Endpoint is required: set it to the FieldAgent GraphQL endpoint, e.g. https://api.sentera.com/graphql.");
        }
        else if (!options.Endpoint.IsAbsoluteUri)
        {
            failures.Add($"FlightTaskSyncOptions.Endpoint '{options.Endpoint}' is relative: give the full URL, e.g. https://api.sentera.com/graphql.");
        }
        else if (options.Endpoint.Scheme == Uri.UriSchemeHttp && !options.Endpoint.IsLoopback && !options.AllowUnencryptedHttp)
        {
            failures.Add(
                $"FlightTaskSyncOptions.Endpoint '{options.Endpoint}' is unencrypted http: use https (tokens and tasks would cross the " +
                "network in clear), or set AllowUnencryptedHttp for a lab server. http is accepted for loopback addresses.");
        }
        else if (options.Endpoint.Scheme != Uri.UriSchemeHttps && options.Endpoint.Scheme != Uri.UriSchemeHttp)
        {
            failures.Add($"FlightTaskSyncOptions.Endpoint '{options.Endpoint}' must be an https (or loopback http) URL.");
        }

        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            failures.Add("FlightTaskSyncOptions.DatabasePath is required: set it to a file in a folder private to the app, e.g. Path.Combine(appData, \"flighttasks.db\").");
        }
        else if (options.DatabasePath.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"FlightTaskSyncOptions.DatabasePath '{options.DatabasePath}' contains characters that are not allowed in a path.");
        }

        if (options.AccessTokenProvider is null)
        {
            failures.Add("FlightTaskSyncOptions.AccessTokenProvider is required: set it to a function that returns the user's current FieldAgent access token.");
        }

        if (options.MaxRetryDelay < options.RetryBaseDelay)
        {
            failures.Add($"FlightTaskSyncOptions.MaxRetryDelay ({options.MaxRetryDelay}) is shorter than RetryBaseDelay ({options.RetryBaseDelay}): make it at least as long.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
