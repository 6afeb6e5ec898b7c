using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Binder;
using StreamSql.Sql.Planner.Connectors;
using StreamSql.Sql.Planner.Functions;
using StreamSql.Sql.Planner.Functions.UserDefined;

namespace StreamSql.Sql.Planner.Catalog;

/// <summary>Runs DDL (CREATE/DROP/ALTER) against the catalog and answers SHOW and DESCRIBE from it.</summary>
internal sealed class CatalogStatementExecutor
{
    /// <summary>What Flink's SQL client (2.x) says for a statement without a result.</summary>
    public const string Succeeded = "Execute statement succeeded.";

    private readonly TableCatalog _catalog;
    private readonly IConnectorCatalog _connectors;

    public CatalogStatementExecutor(TableCatalog catalog, IConnectorCatalog connectors)
    {
        _catalog = catalog;
        _connectors = connectors;
    }

    /// <param name="batchMode">Batch mode: a view's query is validated as a batch query (windows on any TIMESTAMP column).</param>
    public PlanResult? TryExecute(Statement statement, bool batchMode = false) => statement switch
    {
        CreateTableStatement s => CreateTable(s),
        CreateViewStatement s => CreateView(s, batchMode),
        DropStatement s => Drop(s),
        AlterTableStatement s => Alter(s),
        ShowStatement s => Show(s),
        DescribeStatement s => Describe(s),
        DescribeCatalogStatement s => DescribeCatalog(s),
        AlterCatalogStatement s => AlterCatalog(s),
        UseStatement s => Use(s),
        CreateFunctionStatement s => CreateFunction(s),
        CreateDatabaseStatement s => CreateDatabase(s),
        AlterDatabaseStatement s => AlterDatabase(s),
        JarStatement s => Jar(s),
        ModuleStatement s => Modules.Execute(s),
        _ => null,
    };

    private PlanResult CreateTable(CreateTableStatement s)
    {
        string name = ObjectNames.Resolve(s.Name, _catalog);
        if (_catalog.Conflicts(name, s.Temporary))
        {
            if (s.IfNotExists) return new CatalogChanged(Succeeded);
            throw AlreadyExists(name, s.Temporary, s.Name.Span);
        }
        CatalogTable? likeBase = null;
        if (s.Like is { } like)
        {
            string baseName = ObjectNames.Resolve(like, _catalog);
            likeBase = _catalog.FindTable(baseName) ?? throw new SqlValidationException(_catalog.FindView(baseName) is not null
                ? $"Source table '{baseName}' of the LIKE clause is a view; only tables can be used with LIKE"
                : $"Source table '{baseName}' of the LIKE clause not found", like.Span);
        }
        var table = new TableDefinitionBinder().Bind(s, name, likeBase);
        _catalog.AddTable(table);
        return new CatalogChanged(Succeeded);
    }

    /// <summary>"Table (or view) 't' already exists in catalog.database"; for a temporary one Flink's
    /// "Temporary table '`c`.`d`.`t`' already exists".</summary>
    internal SqlValidationException AlreadyExists(string key, Parser.SourceSpan span) => AlreadyExists(key, false, span);

    internal SqlValidationException AlreadyExists(string key, bool temporary, Parser.SourceSpan span)
    {
        if (temporary) return new SqlValidationException($"Temporary table '{ObjectNames.QuotedFullName(key)}' already exists", span);
        var (catalog, database, name) = _catalog.Locate(key);
        return new SqlValidationException($"Table (or view) '{name}' already exists in {catalog}.{database}", span);
    }

    private PlanResult CreateView(CreateViewStatement s, bool batchMode)
    {
        string name = ObjectNames.Resolve(s.Name, _catalog);
        if (_catalog.Conflicts(name, s.Temporary))
        {
            if (s.IfNotExists) return new CatalogChanged(Succeeded);
            throw AlreadyExists(name, s.Temporary, s.Name.Span);
        }
        var node = new QueryBinder(_catalog, _connectors, batchMode).Bind(s.Query);
        var schema = node.Schema;
        var names = s.ColumnNames.Select(c => c.Value).ToList();
        if (names.Count > 0)
        {
            if (names.Count != schema.Count)
                throw new SqlValidationException($"VIEW column list has {names.Count} names but the query returns {schema.Count} columns", s.Name.Span);
            schema = new Types.RowSchema(schema.Fields.Select((f, i) => f with { Name = names[i] }).ToList());
        }
        _catalog.AddView(new CatalogView(name, s.Query, s.QueryText, names, schema, s.Temporary)
        {
            DefinedIn = (_catalog.CurrentCatalog, _catalog.CurrentDatabase),
        });
        return new CatalogChanged(Succeeded);
    }

    private PlanResult CreateFunction(CreateFunctionStatement s)
    {
        if (s.Name.Parts.Count > 1 && s.System)
            throw new SqlValidationException("A temporary system function is named by one identifier, without catalog or database", s.Name.Span);
        string name = ObjectNames.ResolveFunction(s.Name, _catalog);
        if (s.Language is "PYTHON")
            throw Unsupported.Feature("Python functions (StreamSql runs functions written in .NET)", s.Span);
        var existing = s.System ? _catalog.Functions.FindSystem(name) : _catalog.Functions.FindCatalog(name);
        if (existing is not null)
        {
            if (s.IfNotExists) return new CatalogChanged(Succeeded);
            throw new SqlValidationException(s.System
                ? $"Could not register temporary system function. A function named '{name}' does already exist."
                : $"Function {ObjectNames.FullName(name)} already exists", s.Name.Span);
        }
        UserDefinedFunction function;
        try
        {
            var type = FunctionClassLoader.Load(s.ClassName, s.Jars);
            function = UserDefinedFunction.Create(name, type, instance: null, temporary: s.Temporary, system: s.System);
        }
        catch (ArgumentException e)
        {
            throw new SqlValidationException($"Cannot create function '{name}': {e.Message}", s.Span);
        }
        _catalog.Functions.Add(function);
        return new CatalogChanged(Succeeded);
    }

    private PlanResult DropFunction(DropStatement s)
    {
        string name = ObjectNames.ResolveFunction(s.Name, _catalog);
        var function = s.System ? _catalog.Functions.FindSystem(name) : _catalog.Functions.FindCatalog(name);
        if (function is not null && !s.System && function.Temporary != s.Temporary)
            throw new SqlValidationException(function.Temporary
                ? $"Temporary function with identifier '{ObjectNames.FullName(name)}' exists. Drop it with DROP TEMPORARY FUNCTION"
                : $"Temporary function with identifier '{ObjectNames.FullName(name)}' does not exist (it is a permanent function: use DROP FUNCTION)", s.Name.Span);
        if (function is null)
        {
            if (s.IfExists) return new CatalogChanged(Succeeded);
            throw new SqlValidationException(s.System
                ? $"Temporary system function {name} doesn't exist"
                : $"Function {ObjectNames.FullName(name)} doesn't exist{NameSuggestion.Hint(name, _catalog.Functions.Names)}", s.Name.Span);
        }
        _catalog.Functions.Remove(name, s.System);
        return new CatalogChanged(Succeeded);
    }

    private PlanResult Drop(DropStatement s)
    {
        if (s.Kind == ObjectKind.Function) return DropFunction(s);
        if (s.Kind == ObjectKind.Database) return DropDatabase(s);
        if (s.Kind == ObjectKind.Catalog) return DropCatalog(s);
        if (s.Kind is not (ObjectKind.Table or ObjectKind.View))
            throw Unsupported.Feature($"DROP {s.Kind.ToString().ToUpperInvariant()}", s.Span);
        string name = ObjectNames.Resolve(s.Name, _catalog);
        bool? temporary = s.Kind == ObjectKind.Table ? _catalog.FindTable(name)?.Temporary : _catalog.FindView(name)?.Temporary;
        string what = s.Kind == ObjectKind.Table ? "table" : "view";
        // Flink keeps temporary and permanent objects apart: each is dropped only with its own statement (Flink's
        // CatalogManager.dropTableInternal message, also when no permanent object of that name exists).
        if (temporary == true && !s.Temporary)
            throw new SqlValidationException(
                $"Temporary {what} with identifier '{ObjectNames.QuotedFullName(name)}' exists. Drop it first before removing the permanent {what}.", s.Name.Span);
        if (temporary == false && s.Temporary)
        {
            if (s.IfExists) return new CatalogChanged(Succeeded);
            throw new SqlValidationException($"Temporary {what} with identifier '{ObjectNames.FullName(name)}' does not exist (it is a permanent {what}: use DROP {what.ToUpperInvariant()})", s.Name.Span);
        }
        bool removed = s.Kind == ObjectKind.Table ? _catalog.RemoveTable(name) : _catalog.RemoveView(name);
        if (!removed && !s.IfExists)
        {
            string kind = s.Kind == ObjectKind.Table ? "Table" : "View";
            var candidates = s.Kind == ObjectKind.Table ? _catalog.Tables.Keys : _catalog.Views.Keys;
            string wrongKind = s.Kind == ObjectKind.Table && _catalog.FindView(name) is not null ? " (it is a view: use DROP VIEW)"
                : s.Kind == ObjectKind.View && _catalog.FindTable(name) is not null ? " (it is a table: use DROP TABLE)" : "";
            throw new SqlValidationException(
                $"{kind} with identifier '{ObjectNames.FullName(name)}' does not exist{wrongKind}{NameSuggestion.Hint(name, candidates)}", s.Name.Span);
        }
        return new CatalogChanged(Succeeded);
    }

    private PlanResult Alter(AlterTableStatement s)
    {
        string name = ObjectNames.Resolve(s.Name, _catalog);
        if (s.IsView)
        {
            var view = _catalog.FindView(name);
            if (view is null)
            {
                if (s.IfExists) return new CatalogChanged(Succeeded);
                throw new SqlValidationException($"View '{ObjectNames.FullName(name)}' does not exist{NameSuggestion.Hint(name, _catalog.Views.Keys)}", s.Name.Span);
            }
            if (s.Action is not RenameTableAction rename) throw Unsupported.Feature("ALTER VIEW other than RENAME TO", s.Action.Span);
            string newName = RenameTarget(name, rename);
            _catalog.RemoveView(name);
            _catalog.AddView(view with { Name = newName });
            return new CatalogChanged(Succeeded);
        }

        var table = _catalog.FindTable(name);
        if (table is null)
        {
            if (s.IfExists) return new CatalogChanged(Succeeded);
            throw new SqlValidationException(Sentence($"Table {ObjectNames.QuotedFullName(name)} doesn't exist or is a temporary table", NameSuggestion.Hint(name, _catalog.Tables.Keys)), s.Name.Span);
        }
        switch (s.Action)
        {
            case RenameTableAction rename:
            {
                string newName = RenameTarget(name, rename);
                _catalog.RemoveTable(name);
                _catalog.AddTable(table with { Name = newName });
                break;
            }
            case SetOptionsAction set:
            {
                var options = new Dictionary<string, string>(table.Options, StringComparer.Ordinal);
                foreach (var o in set.Options) options[o.Key] = o.Value;
                // Stored unchecked, as CREATE TABLE stores them: the statements that use the table check them.
                _catalog.ReplaceTable(table with { Options = options });
                break;
            }
            case ResetOptionsAction reset:
            {
                var options = new Dictionary<string, string>(table.Options, StringComparer.Ordinal);
                foreach (var key in reset.Keys)
                {
                    if (key == "connector") throw new SqlValidationException("ALTER TABLE RESET does not support changing 'connector'", reset.Span);
                    options.Remove(key);
                }
                _catalog.ReplaceTable(table with { Options = options });
                break;
            }
            case var action when TableSchemaChange.Handles(action):
                _catalog.ReplaceTable(TableSchemaChange.Apply(table, action));
                break;
            default:
                throw Unsupported.Feature("this ALTER TABLE action", s.Action.Span);
        }
        return new CatalogChanged(Succeeded);
    }

    /// <summary>The key an object gets from <c>RENAME TO</c>: an unqualified new name stays in the object's catalog and
    /// database (as Flink's catalogs rename in place), a qualified one is resolved.</summary>
    private string RenameTarget(string key, RenameTableAction rename)
    {
        var (catalog, database, _) = _catalog.Locate(key);
        string newName = rename.NewName.Parts.Count == 1
            ? TableCatalog.Key(catalog, database, rename.NewName.Last)
            : ObjectNames.Resolve(rename.NewName, _catalog);
        if (_catalog.Contains(newName)) throw AlreadyExists(newName, rename.NewName.Span);
        return newName;
    }

    private PlanResult Show(ShowStatement s)
    {
        switch (s.Kind)
        {
            case ShowKind.Tables:
            {
                var (catalog, database) = ShownDatabase(s);
                return List("table name", _catalog.NamesIn(catalog, database), s);
            }
            case ShowKind.Views:
            {
                var (catalog, database) = ShownDatabase(s);
                return List("view name", _catalog.ObjectsIn(catalog, database).Where(k => _catalog.FindView(k) is not null).Select(k => _catalog.Locate(k).Name).ToList(), s);
            }
            case ShowKind.Functions: return List("function name", BuiltInFunctions.Names.Concat(_catalog.Functions.Names).Distinct(StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal).ToList(), s);
            case ShowKind.UserFunctions: return List("function name", _catalog.Functions.Names, s);
            case ShowKind.Catalogs: return List("catalog name", _catalog.CatalogNames.ToList(), s);
            case ShowKind.Databases: return List("database name", ShownCatalog(s).Databases.ToList(), s);
            case ShowKind.CurrentCatalog: return List("current catalog name", new[] { _catalog.CurrentCatalog }, s);
            case ShowKind.CreateCatalog:
            {
                var name = s.Target ?? throw new SqlValidationException("SHOW CREATE CATALOG needs a catalog name", s.Span);
                return Single("result", CatalogFormatting.ShowCreateCatalog(DescribedCatalog(name)));
            }
            case ShowKind.CurrentDatabase: return List("current database name", new[] { _catalog.CurrentDatabase }, s);
            case ShowKind.Modules: return List("module name", new[] { "core" }, s);
            case ShowKind.FullModules: return Modules.ShowFull();
            case ShowKind.Jars: return new TableResult(new[] { "jars" }, _catalog.Functions.Jars.Select(j => (IReadOnlyList<string?>)new[] { j }).ToList());
            case ShowKind.CreateTable:
            {
                var name = s.Target ?? throw new SqlValidationException("SHOW CREATE TABLE needs a table name", s.Span);
                string n = ObjectNames.Resolve(name, _catalog);
                if (_catalog.FindTable(n) is { } table) return Single("result", CatalogFormatting.ShowCreateTable(table));
                if (_catalog.FindView(n) is not null)
                    throw new SqlValidationException($"SHOW CREATE TABLE is only supported for tables, but {ObjectNames.QuotedFullName(n)} is a view. Please use SHOW CREATE VIEW instead.", name.Span);
                throw new SqlValidationException($"Could not execute SHOW CREATE TABLE. Table with identifier '{ObjectNames.FullName(n)}' does not exist{NameSuggestion.Hint(n, _catalog.AllNames())}", name.Span);
            }
            case ShowKind.CreateView:
            {
                var name = s.Target ?? throw new SqlValidationException("SHOW CREATE VIEW needs a view name", s.Span);
                string n = ObjectNames.Resolve(name, _catalog);
                if (_catalog.FindView(n) is { } view) return Single("result", CatalogFormatting.ShowCreateView(view, _catalog));
                if (_catalog.FindTable(n) is not null)
                    throw new SqlValidationException($"SHOW CREATE VIEW is only supported for views, but {ObjectNames.QuotedFullName(n)} is a table. Please use SHOW CREATE TABLE instead.", name.Span);
                throw new SqlValidationException($"Could not execute SHOW CREATE VIEW. View with identifier '{ObjectNames.FullName(n)}' does not exist{NameSuggestion.Hint(n, _catalog.Views.Keys)}", name.Span);
            }
            case ShowKind.Columns:
            {
                var name = s.Target ?? throw new SqlValidationException("SHOW COLUMNS needs a table name", s.Span);
                return Describe(name, ShowLikeFilter.For(s));
            }
            default:
                throw Unsupported.Feature($"SHOW {s.Kind.ToString().ToUpperInvariant()}", s.Span);
        }
    }

    /// <summary>The catalog and database of <c>SHOW TABLES|VIEWS [FROM|IN [catalog.]database]</c>: the current ones without
    /// <c>FROM</c>.</summary>
    private (string Catalog, string Database) ShownDatabase(ShowStatement s)
    {
        if (s.Target is null) return (_catalog.CurrentCatalog, _catalog.CurrentDatabase);
        var (catalog, database) = DatabaseName(s.Target);
        if (!_catalog.HasDatabase(catalog, database))
            throw new SqlValidationException(Sentence($"Database '{catalog}'.'{database}' doesn't exist", NameSuggestion.Hint(database, _catalog.FindCatalog(catalog)!.Databases)), s.Target.Span);
        return (catalog, database);
    }

    /// <summary>The catalog of <c>SHOW DATABASES [FROM|IN catalog]</c>: the current one without <c>FROM</c>.</summary>
    private SessionCatalog ShownCatalog(ShowStatement s)
    {
        if (s.Target is null) return _catalog.FindCatalog(_catalog.CurrentCatalog)!;
        if (s.Target.Parts.Count > 1)
            throw new SqlValidationException($"Catalog identifier '{s.Target}' has too many parts (a catalog name has one)", s.Target.Span);
        return _catalog.FindCatalog(s.Target.Last) ?? throw CatalogDoesNotExist(s.Target);
    }

    /// <summary>Flink's sentence, ended by "; did you mean 'x'?" when there is a close name, else by a period.</summary>
    private static string Sentence(string text, string hint) => hint.Length == 0 ? text + "." : text + hint;

    private SqlValidationException CatalogDoesNotExist(ObjectName name) =>
        new($"Catalog {name.Last} does not exist{NameSuggestion.Hint(name.Last, _catalog.CatalogNames)}", name.Span);

    /// <summary>The catalog <c>DESCRIBE CATALOG</c> and <c>SHOW CREATE CATALOG</c> describe: one of <c>CREATE CATALOG</c>
    /// (Flink has no descriptor for its built-in <c>default_catalog</c> and says so).</summary>
    private SessionCatalog DescribedCatalog(ObjectName name)
    {
        var catalog = _catalog.FindCatalog(name.Last);
        if (name.Parts.Count > 1 || catalog?.Options is null)
            throw new SqlValidationException($"Cannot obtain metadata information from Catalog {name}.", name.Span);
        return catalog;
    }

    /// <summary><c>DESCRIBE CATALOG [EXTENDED] c</c>: Flink's <c>info name</c> / <c>info value</c> rows (name, type, comment,
    /// and with EXTENDED each option as <c>option:key</c>).</summary>
    private PlanResult DescribeCatalog(DescribeCatalogStatement s)
    {
        var catalog = DescribedCatalog(s.Name);
        var rows = new List<IReadOnlyList<string?>>
        {
            new[] { "name", catalog.Name },
            new[] { "type", catalog.Options!.GetValueOrDefault("type", "") },
            new[] { "comment", catalog.Comment ?? "" },
        };
        if (s.Extended)
            foreach (var (key, value) in catalog.Options!) rows.Add(new[] { "option:" + key, value });
        return new TableResult(new[] { "info name", "info value" }, rows);
    }

    private static TableResult Single(string column, string value) =>
        new(new[] { column }, new IReadOnlyList<string?>[] { new[] { value } });

    /// <summary>A one-column SHOW result, filtered by its LIKE clause, in Flink's (ordinal) order.</summary>
    private static TableResult List(string column, IReadOnlyList<string> values, ShowStatement s)
    {
        var like = ShowLikeFilter.For(s);
        var rows = new List<IReadOnlyList<string?>>();
        foreach (var v in values.Order(StringComparer.Ordinal))
            if (like.Keeps(v)) rows.Add(new[] { v });
        return new TableResult(new[] { column }, rows);
    }

    private PlanResult Describe(DescribeStatement s) => Describe(s.Name, ShowLikeFilter.KeepAll);

    private PlanResult Describe(ObjectName tableName, ShowLikeFilter columns)
    {
        string name = ObjectNames.Resolve(tableName, _catalog);
        if (_catalog.FindTable(name) is { } table) return CatalogFormatting.Describe(table, columns);
        if (_catalog.FindView(name) is { } view) return CatalogFormatting.Describe(view, columns);
        throw new SqlValidationException(Sentence($"Tables or views with the identifier '{ObjectNames.FullName(name)}' doesn't exist", NameSuggestion.Hint(name, _catalog.AllNames())), tableName.Span);
    }

    private PlanResult Use(UseStatement s)
    {
        if (s.Catalog)
        {
            if (s.Name.Parts.Count > 1 || _catalog.FindCatalog(s.Name.Last) is null)
                throw new SqlValidationException(Sentence($"A catalog with name [{s.Name}] does not exist", NameSuggestion.Hint(s.Name.Last, _catalog.CatalogNames)), s.Name.Span);
            _catalog.UseCatalog(s.Name.Last);
            return new CatalogChanged(Succeeded);
        }
        var (catalog, database) = DatabaseName(s.Name);
        // USE c.db switches the catalog only once the database is known to exist in it, as Flink does.
        var found = _catalog.FindCatalog(catalog)!;
        if (!found.HasDatabase(database))
            throw new SqlValidationException(Sentence($"A database with name [{database}] does not exist in the catalog: [{catalog}]", NameSuggestion.Hint(database, found.Databases)), s.Name.Span);
        _catalog.UseCatalog(catalog);
        _catalog.UseDatabase(database);
        return new CatalogChanged(Succeeded);
    }

    /// <summary>What <c>ADD JAR</c> of a Java archive says: StreamSql's connectors, formats and functions are .NET, so the
    /// archive is listed but not loaded (a script written for Flink that adds its connector jars still runs).</summary>
    public const string JavaJarNotLoaded =
        "Execute statement succeeded. The Java archive is listed but not loaded: StreamSql's connectors and formats are built in, and its functions are .NET assemblies (.dll).";

    /// <summary><c>ADD JAR</c> / <c>REMOVE JAR</c>: a .NET assembly is loaded (for <c>CREATE FUNCTION</c> without
    /// <c>USING JAR</c>); a Java archive is only listed.</summary>
    private PlanResult Jar(JarStatement s)
    {
        if (s.Remove)
        {
            if (!_catalog.Functions.RemoveJar(s.Path))
                throw new SqlValidationException($"Could not remove jar '{s.Path}': it was not added in this session", s.Span);
            return new CatalogChanged(Succeeded);
        }
        bool java = s.Path.EndsWith(".jar", StringComparison.OrdinalIgnoreCase);
        if (!java)
        {
            try
            {
                FunctionClassLoader.AddAssembly(s.Path);
            }
            catch (ArgumentException e)
            {
                throw new SqlValidationException($"Could not add jar: {e.Message}", s.Span);
            }
        }
        _catalog.Functions.AddJar(s.Path);
        return new CatalogChanged(java ? JavaJarNotLoaded : Succeeded);
    }

    private PlanResult CreateDatabase(CreateDatabaseStatement s)
    {
        if (s.IsCatalog) return CreateCatalog(s);
        var (catalog, database) = DatabaseName(s.Name);
        if (!_catalog.AddDatabase(catalog, database) && !s.IfNotExists)
            throw new SqlValidationException($"Could not execute CREATE DATABASE: Database {database} already exists in Catalog {catalog}.", s.Name.Span);
        return new CatalogChanged(Succeeded);
    }

    /// <summary><c>ALTER DATABASE [catalog.]db SET (...)</c>: accepted for an existing database with Flink's errors
    /// (<c>AlterDatabaseConverter</c>); StreamSql keeps no database properties (nothing shows them), so nothing else changes.</summary>
    private PlanResult AlterDatabase(AlterDatabaseStatement s)
    {
        var parts = s.Name.Parts;
        if (parts.Count > 2) throw new SqlValidationException($"Database identifier '{s.Name}' has too many parts (catalog.database at most)", s.Name.Span);
        string catalog = parts.Count == 2 ? parts[0] : _catalog.CurrentCatalog;
        if (_catalog.FindCatalog(catalog) is null) throw new SqlValidationException($"Catalog {catalog} not exists", s.Name.Span);
        if (!_catalog.HasDatabase(catalog, parts[^1])) throw new SqlValidationException($"Database {parts[^1]} not exists", s.Name.Span);
        return new CatalogChanged(Succeeded);
    }

    private PlanResult DropDatabase(DropStatement s)
    {
        var (catalog, database) = DatabaseName(s.Name);
        if (!_catalog.HasDatabase(catalog, database))
        {
            if (s.IfExists) return new CatalogChanged(Succeeded);
            throw new SqlValidationException($"Could not execute DROP DATABASE: Database {database} does not exist in Catalog {catalog}.", s.Name.Span);
        }
        if (database == _catalog.FindCatalog(catalog)!.DefaultDatabase || (catalog == _catalog.CurrentCatalog && database == _catalog.CurrentDatabase))
            throw new SqlValidationException($"Cannot drop a database which is currently in use.", s.Name.Span);
        if (_catalog.ObjectsIn(catalog, database).Count > 0 && !s.Cascade)
            throw new SqlValidationException($"Could not execute DROP DATABASE: Database {database} in catalog {catalog} is not empty.", s.Name.Span);
        _catalog.RemoveDatabase(catalog, database);
        return new CatalogChanged(Succeeded);
    }

    /// <summary>The catalog and database a <c>[catalog.]database</c> name names (the catalog must exist; unqualified, the
    /// current one).</summary>
    private (string Catalog, string Database) DatabaseName(ObjectName name)
    {
        var parts = name.Parts;
        if (parts.Count > 2) throw new SqlValidationException($"Database identifier '{name}' has too many parts (catalog.database at most)", name.Span);
        string catalog = parts.Count == 2 ? parts[0] : _catalog.CurrentCatalog;
        if (_catalog.FindCatalog(catalog) is null)
            throw new SqlValidationException($"Catalog {catalog} does not exist{NameSuggestion.Hint(catalog, _catalog.CatalogNames)}", name.Span);
        return (catalog, parts[^1]);
    }

    /// <summary><c>CREATE CATALOG [IF NOT EXISTS] c [COMMENT '...'] WITH ('type' = 'generic_in_memory' [, 'default-database' =
    /// 'db'])</c>: Flink's in-memory catalog, the only type StreamSql has; Flink's errors for a missing or unknown type and
    /// unknown options.</summary>
    private PlanResult CreateCatalog(CreateDatabaseStatement s)
    {
        if (s.Name.Parts.Count > 1)
            throw new SqlValidationException($"Catalog identifier '{s.Name}' has too many parts (a catalog name has one)", s.Name.Span);
        string name = s.Name.Last;
        if (_catalog.FindCatalog(name) is { } existing)
        {
            if (s.IfNotExists) return new CatalogChanged(Succeeded);
            // Flink keeps catalogs made by CREATE CATALOG in its catalog store; its default_catalog is only initialized.
            throw new SqlValidationException($"Catalog {name} already exists in {(existing.Options is null ? "initialized catalogs" : "catalog store")}.", s.Name.Span);
        }
        var options = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var o in s.Options) options[o.Key] = o.Value;
        string defaultDatabase = ValidateCatalogOptions(name, options, s.Options, s.Name.Span);
        _catalog.AddCatalog(new SessionCatalog(name, defaultDatabase, s.Comment, options));
        return new CatalogChanged(Succeeded);
    }

    /// <summary>Checks the options of an in-memory catalog as Flink's factory does (a <c>type</c> to discover the factory,
    /// <c>generic_in_memory</c> the only one; no options besides <c>default-database</c> and <c>property-version</c>);
    /// returns the default database. <paramref name="written"/> give the spans of options as written.</summary>
    private static string ValidateCatalogOptions(string name, IReadOnlyDictionary<string, string> options, IReadOnlyList<TableOption> written, Parser.SourceSpan nameSpan)
    {
        Parser.SourceSpan KeySpan(string key) => written.LastOrDefault(o => o.Key == key)?.KeySpan ?? nameSpan;
        string unable = $"Unable to create catalog '{name}'.";
        if (!options.TryGetValue("type", out var type))
            throw new SqlValidationException($"{unable} Catalog options do not contain an option key 'type' for discovering a catalog.", nameSpan);
        if (type != SessionCatalog.InMemoryType)
            throw new SqlValidationException(
                $"{unable} Could not find any factory for identifier '{type}' that implements 'org.apache.flink.table.factories.CatalogFactory'. " +
                $"Available factory identifiers are: {SessionCatalog.InMemoryType} (StreamSql keeps catalogs in memory; Hive, JDBC, Paimon and other external catalogs are not supported)",
                written.LastOrDefault(o => o.Key == "type")?.Span ?? nameSpan);
        string[] supported = ["default-database", "property-version"];
        var unsupported = options.Keys.Where(k => k != "type" && !supported.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (unsupported.Count > 0)
            throw new SqlValidationException(
                $"{unable} Unsupported options found for '{SessionCatalog.InMemoryType}'.\n\nUnsupported options:\n\n{string.Join("\n", unsupported)}\n\nSupported options:\n\n{string.Join("\n", supported)}",
                KeySpan(unsupported[0]));
        string defaultDatabase = options.GetValueOrDefault("default-database", SessionCatalog.InMemoryDefaultDatabase);
        if (string.IsNullOrWhiteSpace(defaultDatabase))
            throw new SqlValidationException($"{unable} The option 'default-database' cannot be empty.", KeySpan("default-database"));
        return defaultDatabase;
    }

    /// <summary><c>ALTER CATALOG c SET (...) | RESET (...) | COMMENT '...'</c> (Flink 1.20): changes the options or comment
    /// of a catalog of <c>CREATE CATALOG</c>, checked as <c>CREATE CATALOG</c> checks them; its databases, tables and views
    /// stay (a new <c>default-database</c> is added when missing).</summary>
    private PlanResult AlterCatalog(AlterCatalogStatement s)
    {
        var catalog = _catalog.FindCatalog(s.Name.Last);
        if (s.Name.Parts.Count > 1 || catalog?.Options is null)
            throw new SqlValidationException($"Catalog {s.Name} does not exist in the catalog store.", s.Name.Span);
        var options = new SortedDictionary<string, string>(catalog.Options.ToDictionary(), StringComparer.Ordinal);
        string? comment = catalog.Comment;
        IReadOnlyList<TableOption> written = [];
        switch (s.Action)
        {
            case null:
                comment = s.Comment;
                break;
            case SetOptionsAction set:
                foreach (var o in set.Options) options[o.Key] = o.Value;
                written = set.Options;
                break;
            case ResetOptionsAction reset:
                if (reset.Keys.Contains("type"))
                    throw new SqlValidationException("ALTER CATALOG RESET does not support changing 'type'", reset.Span);
                foreach (var key in reset.Keys) options.Remove(key);
                break;
            default:
                throw new SqlValidationException("ALTER CATALOG takes SET (...), RESET (...) or COMMENT '...'", s.Action.Span);
        }
        string defaultDatabase = ValidateCatalogOptions(catalog.Name, options, written, s.Name.Span);
        _catalog.ReplaceCatalog(catalog.With(defaultDatabase, comment, options));
        return new CatalogChanged(Succeeded);
    }

    /// <summary><c>DROP CATALOG [IF EXISTS] c</c>: the catalog goes with its databases, tables and views; the current catalog
    /// cannot be dropped (Flink's error).</summary>
    private PlanResult DropCatalog(DropStatement s)
    {
        string name = s.Name.Last;
        if (s.Name.Parts.Count > 1 || _catalog.FindCatalog(name) is null)
        {
            if (s.IfExists) return new CatalogChanged(Succeeded);
            throw new SqlValidationException(Sentence($"Catalog {s.Name} does not exist", NameSuggestion.Hint(name, _catalog.CatalogNames)), s.Name.Span);
        }
        if (name == _catalog.CurrentCatalog)
            throw new SqlValidationException("Cannot drop a catalog which is currently in use.", s.Name.Span);
        _catalog.RemoveCatalog(name);
        return new CatalogChanged(Succeeded);
    }
}
