using System.Reflection;
using System.Runtime.Loader;

namespace StreamSql.Sql.Planner.Functions.UserDefined;

/// <summary>
/// Finds the class a <c>CREATE FUNCTION ... AS 'class'</c> names: in the assemblies of its <c>USING JAR</c> clause (paths of
/// .NET assemblies), else among the assemblies the process has loaded. An assembly-qualified name (<c>'Ns.Class, Assembly'</c>)
/// is loaded by name.
/// </summary>
internal static class FunctionClassLoader
{
    /// <exception cref="ArgumentException">No such class or assembly; the message says what was searched.</exception>
    public static Type Load(string className, IReadOnlyList<string> assemblyPaths)
    {
        var searched = new List<Assembly>();
        foreach (var path in assemblyPaths)
        {
            string full = Path.GetFullPath(path);
            if (!File.Exists(full)) throw new ArgumentException($"Assembly '{path}' of USING JAR does not exist");
            Assembly assembly;
            try
            {
                assembly = LoadOnce(full);
            }
            catch (BadImageFormatException)
            {
                throw new ArgumentException($"'{path}' of USING JAR is not a .NET assembly (StreamSql runs functions written in .NET; Java jars cannot run here)");
            }
            searched.Add(assembly);
            if (assembly.GetType(className, throwOnError: false) is { } type) return type;
        }
        if (assemblyPaths.Count > 0)
            throw new ArgumentException($"Class '{className}' was not found in the assemblies of USING JAR ({string.Join(", ", assemblyPaths)})");

        if (className.Contains(',', StringComparison.Ordinal))
        {
            try
            {
                if (Type.GetType(className, throwOnError: false) is { } qualified) return qualified;
            }
            catch (Exception e) when (e is IOException or BadImageFormatException or ArgumentException)
            {
                throw new ArgumentException($"Class '{className}' could not be loaded: {e.Message}");
            }
        }
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            if (assembly.IsDynamic) continue;
            if (assembly.GetType(className, throwOnError: false) is { } type) return type;
        }
        throw new ArgumentException($"Class '{className}' was not found in the loaded .NET assemblies; name the assembly that holds it " +
            "with USING JAR '<path to .dll>' (StreamSql runs functions written in .NET; Java classes cannot run here)");
    }

    /// <summary>Loads a .NET assembly of <c>ADD JAR</c>, so that functions created later find its classes among the loaded
    /// assemblies.</summary>
    /// <exception cref="ArgumentException">No such file, or not a .NET assembly.</exception>
    public static void AddAssembly(string path)
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new ArgumentException($"Jar '{path}' does not exist");
        try
        {
            LoadOnce(full);
        }
        catch (BadImageFormatException)
        {
            throw new ArgumentException($"'{path}' is not a .NET assembly");
        }
    }

    private static readonly object Gate = new();

    /// <summary>An assembly loaded once per path, so two functions from one file share its types.</summary>
    private static Assembly LoadOnce(string fullPath)
    {
        lock (Gate)
        {
            foreach (var loaded in AssemblyLoadContext.Default.Assemblies)
                if (!loaded.IsDynamic && string.Equals(loaded.Location, fullPath, StringComparison.Ordinal)) return loaded;
            return AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
        }
    }
}
