namespace StreamSql.Sql.Planner.Functions.UserDefined;

/// <summary>
/// The user-defined functions of a session, found in Flink's order: temporary system functions, then built-in functions,
/// then temporary and catalog functions. Names are case-insensitive, as Flink's function identifiers.
/// </summary>
public sealed class UserFunctionCatalog
{
    private readonly Dictionary<string, UserDefinedFunction> _system = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, UserDefinedFunction> _catalog = new(StringComparer.OrdinalIgnoreCase);

    private readonly List<string> _jars = new();

    /// <summary>The paths of <c>ADD JAR</c>, in the order they were added (<c>SHOW JARS</c>).</summary>
    public IReadOnlyList<string> Jars => _jars;

    /// <summary>Adds a jar's path; false when it was added already.</summary>
    public bool AddJar(string path)
    {
        if (_jars.Contains(path)) return false;
        _jars.Add(path);
        return true;
    }

    public bool RemoveJar(string path) => _jars.Remove(path);

    /// <summary>Every user function, sorted by name, for <c>SHOW USER FUNCTIONS</c>.</summary>
    public IReadOnlyList<string> Names
    {
        get
        {
            var names = new List<string>(_system.Count + _catalog.Count);
            foreach (var f in _system.Values) names.Add(f.Name);
            foreach (var f in _catalog.Values) names.Add(f.Name);
            names.Sort(StringComparer.Ordinal);
            return names;
        }
    }

    /// <summary>The temporary system function of that name (it shadows a built-in function).</summary>
    public UserDefinedFunction? FindSystem(string name) => _system.GetValueOrDefault(name);

    /// <summary>The temporary or catalog function of that name (a built-in function of the same name shadows it).</summary>
    public UserDefinedFunction? FindCatalog(string name) => _catalog.GetValueOrDefault(name);

    public UserDefinedFunction? Find(string name) => FindSystem(name) ?? FindCatalog(name);

    public void Add(UserDefinedFunction function)
    {
        var target = function.System ? _system : _catalog;
        if (target.ContainsKey(function.Name)) throw new InvalidOperationException($"function '{function.Name}' already exists");
        target[function.Name] = function;
    }

    public bool Remove(string name, bool system) => (system ? _system : _catalog).Remove(name);

    /// <summary>Registers a .NET class (or an instance of one, which every subtask then shares) as a function.</summary>
    /// <param name="system">A temporary system function, found before built-in functions of the same name.</param>
    /// <exception cref="ArgumentException">The class cannot serve as a scalar function, or the name is taken.</exception>
    public UserDefinedFunction Register(string name, Type implementation, object? instance, bool temporary, bool system)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (instance is not null && !implementation.IsInstanceOfType(instance))
            throw new ArgumentException($"the instance is a {instance.GetType().FullName}, not a {implementation.FullName}", nameof(instance));
        if ((system ? FindSystem(name) : FindCatalog(name)) is not null)
            throw new ArgumentException($"A function named '{name}' does already exist", nameof(name));
        var function = UserDefinedFunction.Create(name, implementation, instance, temporary, system);
        Add(function);
        return function;
    }
}
