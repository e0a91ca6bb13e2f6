using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace FlightTaskSync.PackageTests.Infrastructure;

/// <summary>
/// The members of an assembly that an app can see (public and protected, in visible types),
/// named as XML documentation files name them (<c>T:Namespace.Type</c>, <c>M:Namespace.Type.Method</c>).
/// Members the compiler writes by itself (a record's Equals, an enum's value__) are left out.
/// </summary>
internal static class PublicSurface
{
    /// <summary>Lists the documentation ids of the visible types, and of their visible members without the parameter list.</summary>
    public static IReadOnlyList<string> DocumentationPrefixes(byte[] assembly)
    {
        using var pe = new PEReader(new MemoryStream(assembly));
        var reader = pe.GetMetadataReader();
        var names = new List<string>();
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            if (!IsVisible(reader, type) || IsCompilerGenerated(reader, type.GetCustomAttributes()))
            {
                continue;
            }

            var typeName = TypeName(reader, type);
            names.Add("T:" + typeName);
            foreach (var methodHandle in type.GetMethods())
            {
                var method = reader.GetMethodDefinition(methodHandle);
                if (IsVisible(method.Attributes)
                    && (method.Attributes & MethodAttributes.SpecialName) == 0
                    && !IsCompilerGenerated(reader, method.GetCustomAttributes()))
                {
                    names.Add($"M:{typeName}.{reader.GetString(method.Name)}");
                }
            }

            foreach (var propertyHandle in type.GetProperties())
            {
                var property = reader.GetPropertyDefinition(propertyHandle);
                var accessors = property.GetAccessors();
                if (IsVisibleAccessor(reader, accessors.Getter) || IsVisibleAccessor(reader, accessors.Setter))
                {
                    names.Add($"P:{typeName}.{reader.GetString(property.Name)}");
                }
            }

            foreach (var fieldHandle in type.GetFields())
            {
                var field = reader.GetFieldDefinition(fieldHandle);
                var access = field.Attributes & FieldAttributes.FieldAccessMask;
                if ((access is FieldAttributes.Public or FieldAttributes.Family or FieldAttributes.FamORAssem)
                    && (field.Attributes & FieldAttributes.SpecialName) == 0)
                {
                    names.Add($"F:{typeName}.{reader.GetString(field.Name)}");
                }
            }

            foreach (var eventHandle in type.GetEvents())
            {
                var @event = reader.GetEventDefinition(eventHandle);
                if (IsVisibleAccessor(reader, @event.GetAccessors().Adder))
                {
                    names.Add($"E:{typeName}.{reader.GetString(@event.Name)}");
                }
            }
        }

        return names;
    }

    private static bool IsVisible(MetadataReader reader, TypeDefinition type)
    {
        var visibility = type.Attributes & TypeAttributes.VisibilityMask;
        if (!type.IsNested)
        {
            return visibility == TypeAttributes.Public;
        }

        return visibility is TypeAttributes.NestedPublic or TypeAttributes.NestedFamily or TypeAttributes.NestedFamORAssem
            && IsVisible(reader, reader.GetTypeDefinition(type.GetDeclaringType()));
    }

    private static bool IsVisible(MethodAttributes attributes) =>
        (attributes & MethodAttributes.MemberAccessMask) is MethodAttributes.Public or MethodAttributes.Family or MethodAttributes.FamORAssem;

    private static bool IsVisibleAccessor(MetadataReader reader, MethodDefinitionHandle accessor) =>
        !accessor.IsNil && IsVisible(reader.GetMethodDefinition(accessor).Attributes);

    private static bool IsCompilerGenerated(MetadataReader reader, CustomAttributeHandleCollection attributes)
    {
        foreach (var handle in attributes)
        {
            var constructor = reader.GetCustomAttribute(handle).Constructor;
            if (constructor.Kind == HandleKind.MemberReference)
            {
                var parent = reader.GetMemberReference((MemberReferenceHandle)constructor).Parent;
                if (parent.Kind == HandleKind.TypeReference
                    && reader.GetString(reader.GetTypeReference((TypeReferenceHandle)parent).Name) == "CompilerGeneratedAttribute")
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string TypeName(MetadataReader reader, TypeDefinition type) =>
        type.IsNested
            ? TypeName(reader, reader.GetTypeDefinition(type.GetDeclaringType())) + "." + reader.GetString(type.Name)
            : reader.GetString(type.Namespace) + "." + reader.GetString(type.Name);
}
