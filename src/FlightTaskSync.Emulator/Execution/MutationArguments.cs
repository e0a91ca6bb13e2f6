using GraphQL;

namespace FlightTaskSync.Emulator.Execution;

/// <summary>Reads the list arguments of the mutations as GraphQL.NET coerced them.</summary>
internal static class MutationArguments
{
    /// <summary>A <c>[ID!]!</c> argument, in order, duplicates kept.</summary>
    public static List<string> Ids(IResolveFieldContext context, string name) =>
        (context.Arguments?[name].Value as IEnumerable<object?>)?.Select(id => Convert.ToString(id, System.Globalization.CultureInfo.InvariantCulture)!).ToList() ?? [];
}
