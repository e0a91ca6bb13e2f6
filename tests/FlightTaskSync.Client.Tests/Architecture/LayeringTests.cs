using System.Reflection;
using System.Reflection.Emit;
using FlightTaskSync.Client.Storage;

namespace FlightTaskSync.Client.Tests.Architecture;

/// <summary>Storage never knows Transport (DESIGN.md: Sync → Storage, Sync → Transport).</summary>
public sealed class LayeringTests
{
    private const string StorageNamespace = "FlightTaskSync.Client.Storage";
    private const string TransportNamespace = "FlightTaskSync.Client.Transport";
    private static readonly Dictionary<ushort, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => (ushort)code.Value);

    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Test]
    public void StorageTypes_ReferNoTransportType_InSignaturesFieldsOrLocals()
    {
        var storage = typeof(PageRows).Assembly.GetTypes()
            .Where(type => (type.Namespace ?? string.Empty).StartsWith(StorageNamespace, StringComparison.Ordinal))
            .ToList();

        var found = storage.SelectMany(type => TransportReferencesOf(type).Select(what => $"{type.FullName}: {what}")).ToList();

        Assert.That(storage, Has.Count.GreaterThan(10), "the scan sees the Storage types (nested and compiler-made ones included)");
        Assert.That(found, Is.Empty);
    }

    [Test]
    public void Scan_FindsATransportReference_WhenThereIsOne()
    {
        // The scan itself can fail: a Sync type that uses Transport is reported.
        var references = TransportReferencesOf(typeof(Client.Sync.PageFetcher)).ToList();

        Assert.That(references, Is.Not.Empty);
    }

    private static IEnumerable<string> TransportReferencesOf(Type type)
    {
        if (type.BaseType is { } baseType && IsTransport(baseType))
        {
            yield return $"base {baseType}";
        }

        foreach (var contract in type.GetInterfaces().Where(IsTransport))
        {
            yield return $"interface {contract}";
        }

        foreach (var field in type.GetFields(Everything).Where(f => IsTransport(f.FieldType)))
        {
            yield return $"field {field.Name}";
        }

        foreach (var property in type.GetProperties(Everything).Where(p => IsTransport(p.PropertyType)))
        {
            yield return $"property {property.Name}";
        }

        var methods = type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything));
        foreach (var method in methods)
        {
            if (method is MethodInfo info && IsTransport(info.ReturnType))
            {
                yield return $"{method.Name} returns {info.ReturnType}";
            }

            foreach (var parameter in method.GetParameters().Where(p => IsTransport(p.ParameterType)))
            {
                yield return $"{method.Name}({parameter.Name})";
            }

            var body = method.GetMethodBody();
            foreach (var local in body?.LocalVariables.Where(l => IsTransport(l.LocalType)) ?? [])
            {
                yield return $"{method.Name} local {local.LocalType}";
            }

            foreach (var token in MemberTokens(method, body))
            {
                yield return $"{method.Name} uses {token}";
            }
        }
    }

    /// <summary>The members and types a method's IL refers to (call, newobj, ldfld, ldtoken, castclass...) that are Transport's.</summary>
    private static IEnumerable<string> MemberTokens(MethodBase method, MethodBody? body)
    {
        var il = body?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } declaringType ? declaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            ushort value = il[i++];
            if (value == 0xFE)
            {
                value = (ushort)(0xFE00 | il[i++]);
            }

            var code = OpCodesByValue[value];
            var size = code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, i)),
                _ => 4,
            };
            if (code.OperandType is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType)
            {
                var member = method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArguments, methodArguments);
                var declaring = member as Type ?? member?.DeclaringType;
                if ((declaring is not null && IsTransport(declaring)) ||
                    (member is MethodInfo called && (IsTransport(called.ReturnType) || called.GetParameters().Any(p => IsTransport(p.ParameterType)))) ||
                    (member is FieldInfo read && IsTransport(read.FieldType)))
                {
                    yield return member!.ToString()!;
                }
            }

            i += size;
        }
    }

    private static bool IsTransport(Type type)
    {
        if (type.HasElementType)
        {
            return IsTransport(type.GetElementType()!);
        }

        if ((type.Namespace ?? string.Empty).StartsWith(TransportNamespace, StringComparison.Ordinal))
        {
            return true;
        }

        return type.IsGenericType && !type.IsGenericTypeDefinition && type.GetGenericArguments().Any(IsTransport);
    }
}
