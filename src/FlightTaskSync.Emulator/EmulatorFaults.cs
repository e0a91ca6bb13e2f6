using FlightTaskSync.Emulator.Data;
using FlightTaskSync.Emulator.Http;

namespace FlightTaskSync.Emulator;

/// <summary>
/// Fault injection, drawn once per <c>POST /graphql</c> request: first from the script
/// (<see cref="Enqueue"/>, in order), else by rate (<see cref="SetRate"/>). A fault narrowed to
/// queries, mutations or a root field (<see cref="EmulatorFault.OnMutations"/>, ...) is only drawn
/// by a request it matches; other requests pass it by. Thread-safe.
/// </summary>
public sealed class EmulatorFaults
{
    private readonly Lock _lock = new();
    private readonly List<EmulatorFault> _script = [];
    private readonly int[] _counts = new int[Enum.GetValues<EmulatorFaultKind>().Length];
    private double _rate;
    private Random? _rateRandom;
    private EmulatorFault[] _rateFaults = [];
    private bool _stalled;
    private SyncPage? _stalledPage;
    private int _stalledAnswers;

    internal EmulatorFaults()
    {
    }

    /// <summary>The number of faults drawn so far (script and rate), of every kind.</summary>
    public int InjectedCount
    {
        get
        {
            lock (_lock)
            {
                return _counts.Sum();
            }
        }
    }

    /// <summary>The number of scripted faults not drawn yet.</summary>
    public int PendingCount
    {
        get
        {
            lock (_lock)
            {
                return _script.Count;
            }
        }
    }

    /// <summary>Whether sync answers are frozen by a <see cref="EmulatorFaultKind.Stalled"/> fault.</summary>
    public bool IsStalled
    {
        get
        {
            lock (_lock)
            {
                return _stalled;
            }
        }
    }

    /// <summary>The number of sync answers served from the frozen page (not counting the one that froze it).</summary>
    public int StalledAnswers
    {
        get
        {
            lock (_lock)
            {
                return _stalledAnswers;
            }
        }
    }

    /// <summary>
    /// Scripts faults for the next requests, one each, in order (after any already scripted). Each
    /// request draws the first scripted fault it matches, so <c>Enqueue(EmulatorFault.Status(503).OnMutations())</c>
    /// waits, while syncs pass, for the next mutation.
    /// </summary>
    /// <param name="faults">The faults.</param>
    public void Enqueue(params EmulatorFault[] faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        lock (_lock)
        {
            foreach (var fault in faults)
            {
                ArgumentNullException.ThrowIfNull(fault, nameof(faults));
                _script.Add(fault);
            }
        }
    }

    /// <summary>
    /// Injects a fault into a share of the requests that the script does not cover: each request
    /// draws from a <see cref="Random"/> seeded with <paramref name="seed"/>, so a sequence of
    /// requests gets the same faults on every run. A probability of 0 turns rates off.
    /// </summary>
    /// <param name="probability">The share of requests, from 0 to 1.</param>
    /// <param name="seed">The seed of the draws.</param>
    /// <param name="kinds">
    /// The faults to pick from, uniformly among those the request matches (a request that matches none
    /// draws nothing and uses no random number); at least one unless the probability is 0.
    /// </param>
    public void SetRate(double probability, int seed, params EmulatorFault[] kinds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(probability, 0d);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(probability, 1d);
        ArgumentNullException.ThrowIfNull(kinds);
        if (probability > 0 && kinds.Length == 0)
        {
            throw new ArgumentException("Give at least one fault to pick from.", nameof(kinds));
        }

        lock (_lock)
        {
            _rate = probability;
            _rateRandom = new Random(seed);
            _rateFaults = [.. kinds];
        }
    }

    /// <summary>Removes scripted faults and rates, and unfreezes a stalled sync. Counts are kept.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _script.Clear();
            _rate = 0;
            _rateRandom = null;
            _rateFaults = [];
            _stalled = false;
            _stalledPage = null;
        }
    }

    /// <summary>The number of faults of one kind drawn so far.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The count.</returns>
    public int CountOf(EmulatorFaultKind kind)
    {
        lock (_lock)
        {
            return _counts[(int)kind];
        }
    }

    /// <summary>Draws the fault of one request running <paramref name="operation"/>, or <see langword="null"/>, and counts it.</summary>
    internal EmulatorFault? Next(RequestOperation operation)
    {
        lock (_lock)
        {
            EmulatorFault? fault = null;
            var scripted = _script.FindIndex(f => f.Matches(operation));
            if (scripted >= 0)
            {
                fault = _script[scripted];
                _script.RemoveAt(scripted);
            }
            else if (_rate > 0 && _rateRandom is { } random)
            {
                var candidates = Array.FindAll(_rateFaults, f => f.Matches(operation));
                if (candidates.Length > 0 && random.NextDouble() < _rate)
                {
                    fault = candidates[random.Next(candidates.Length)];
                }
            }

            if (fault is not null)
            {
                _counts[(int)fault.Kind]++;
                _stalled |= fault.Kind == EmulatorFaultKind.Stalled;
            }

            return fault;
        }
    }

    /// <summary>The page to serve: computed normally, unless stalled, then the page frozen by the stall.</summary>
    internal SyncPage PageFor(Func<SyncPage> compute)
    {
        lock (_lock)
        {
            if (_stalled)
            {
                if (_stalledPage is null)
                {
                    _stalledPage = compute();
                }
                else
                {
                    _stalledAnswers++;
                }

                return _stalledPage;
            }
        }

        // Not stalled: compute outside this lock, so that pages only wait for the data's lock.
        return compute();
    }
}
