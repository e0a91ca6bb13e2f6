using Microsoft.Extensions.Logging;

namespace FlightTaskSync.Emulator;

/// <summary>How a <see cref="FieldAgentEmulator"/> starts: its data, paging, token and port.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The seed of the generated data: the same seed gives the same organizations, tasks and hashes.</summary>
    /// <value>The default value is 1.</value>
    public int Seed { get; set; } = 1;

    /// <summary>How many tasks to seed, spread at random over all seeded organizations.</summary>
    /// <value>The default value is 0 (the standalone emulator seeds 5,000).</value>
    public int TaskCount { get; set; }

    /// <summary>How many root organizations to seed.</summary>
    /// <value>The default value is 1.</value>
    public int OrganizationCount { get; set; } = 1;

    /// <summary>How many child organizations each root gets.</summary>
    /// <value>The default value is 2.</value>
    public int ChildrenPerOrganization { get; set; } = 2;

    /// <summary>The most <c>upserted</c> items in one page (the documented cap is 2,000).</summary>
    /// <value>The default value is 2,000.</value>
    public int PageSize { get; set; } = 2000;

    /// <summary>The first valid bearer token; <see langword="null"/> makes a random one.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? AccessToken { get; set; }

    /// <summary>How long a token stays valid after it is issued; <see langword="null"/> means forever.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public TimeSpan? TokenLifetime { get; set; }

    /// <summary>The clock of token ages, deletion times and update stamps (generated dates do not use it).</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The port on 127.0.0.1; 0 lets the operating system pick a free one.</summary>
    /// <value>The default value is 0.</value>
    public int Port { get; set; }

    /// <summary>How long a deleted task stays reportable; <see langword="null"/> means forever.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public TimeSpan? TombstoneRetention { get; set; }

    /// <summary>Where the emulator and Kestrel log; <see langword="null"/> keeps them quiet.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Throws when a setting is out of range, saying which and what would be right.</summary>
    /// <param name="paramName">The caller's parameter that holds these options.</param>
    internal void Validate(string paramName)
    {
        Check(TaskCount >= 0, $"TaskCount must be 0 or more, not {TaskCount}.");
        Check(OrganizationCount >= 1, $"OrganizationCount must be at least 1, not {OrganizationCount}.");
        Check(ChildrenPerOrganization >= 0, $"ChildrenPerOrganization must be 0 or more, not {ChildrenPerOrganization}.");
        Check(PageSize >= 1, $"PageSize must be at least 1 (the documented cap is 2,000), not {PageSize}.");
        Check(Port is >= 0 and <= 65535, $"Port must be 0 (any free port) or from 1 to 65535, not {Port}.");
        Check(TokenLifetime is not { } lifetime || lifetime > TimeSpan.Zero, "TokenLifetime must be positive, or null for tokens that never expire.");
        Check(TombstoneRetention is not { } retention || retention >= TimeSpan.Zero, "TombstoneRetention must be 0 or more, or null to keep tombstones forever.");
        Check(AccessToken is null || (AccessToken.Length > 0 && !AccessToken.Any(char.IsWhiteSpace)), "AccessToken must be non-empty and contain no white space, or null for a random token.");
        Check(TimeProvider is not null, "TimeProvider must not be null; use TimeProvider.System for the real clock.");

        void Check(bool valid, string message)
        {
            if (!valid)
            {
                throw new ArgumentException($"EmulatorOptions.{message}", paramName);
            }
        }
    }
}
