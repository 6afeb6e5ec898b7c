namespace StreamSql.Tests.HuntT;

/// <summary>Flink's <c>JoinTestPrograms</c>: regular joins (inner with NULL keys and non-equi conditions, cross, outer,
/// semi, anti, over aggregated inputs, with a STATE_TTL hint), stopped with a savepoint and restored. The programs
/// marked <c>testMaterializedData()</c> compare the rows each phase's changelog leaves.</summary>
public sealed class JoinRestoreTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    private static readonly string[] EmployeeColumns = ["deptno", "salary", "name"];
    private static readonly string[] DepartmentColumns = ["department_num", "b2", "b3", "department_name"];
    private static readonly string[] TColumns = ["a", "b", "c"];

    private static readonly RestoreSource Employee = new("EMPLOYEE", "deptno int, salary bigint, name varchar",
        RestoreSource.Rows(EmployeeColumns, [null, 101L, "Adam"], [1, 1L, "Baker"], [2, 2L, "Charlie"], [3, 2L, "Don"], [7, 6L, "Victor"]),
        RestoreSource.Rows(EmployeeColumns, [4, 3L, "Juliet"], [4, 4L, "Helena"], [1, 1L, "Ivana"]));

    private const string DepartmentSchema = "department_num int, b2 bigint, b3 int, department_name varchar";

    private static readonly RestoreSource Department = new("DEPARTMENT", DepartmentSchema,
        RestoreSource.Rows(DepartmentColumns, [null, 102L, 0, "Accounting"], [1, 1L, 0, "Research"], [2, 2L, 1, "Human Resources"],
            [2, 3L, 2, "HR"], [3, 1L, 2, "Sales"]),
        RestoreSource.Rows(DepartmentColumns, [2, 4L, 3, "People Operations"], [4, 2L, 4, "Engineering"]));

    private static readonly RestoreSource DepartmentNoNulls = new("DEPARTMENT", DepartmentSchema,
        RestoreSource.Rows(DepartmentColumns, [1, 1L, 0, "Research"], [2, 2L, 1, "Human Resources"], [2, 3L, 2, "HR"], [3, 1L, 2, "Sales"]),
        RestoreSource.Rows(DepartmentColumns, [2, 4L, 3, "People Operations"]));

    private static readonly RestoreSource T1 = new("T1", "a int, b bigint, c varchar",
        RestoreSource.Rows(TColumns, [1, 1L, "Baker1"], [1, 2L, "Baker2"], [1, 2L, "Baker2"], [1, 5L, "Baker3"], [2, 7L, "Baker5"],
            [1, 9L, "Baker6"], [1, 8L, "Baker8"], [3, 8L, "Baker9"]),
        RestoreSource.Rows(TColumns, [1, 1L, "PostRestore"]));

    private static readonly RestoreSource T2 = new("T2", "a int, b bigint, c varchar",
        RestoreSource.Rows(TColumns, [1, 1L, "BakerBaker"], [2, 2L, "HeHe"], [3, 2L, "HeHe"]),
        RestoreSource.Rows(TColumns, [2, 1L, "PostRestoreRight"]));

    private const string NamesSink = "name varchar, department_name varchar";
    private const string NumbersSink = "deptno int, department_num int";
    private const string MinSalary = "SELECT MIN(salary) AS salary, deptno FROM EMPLOYEE GROUP BY deptno";
    private const string MinB2 = "SELECT MIN(b2) AS b2, department_num FROM DEPARTMENT GROUP BY department_num";

    private Task Run(string name, RestoreSource[] sources, string sinkSchema, string sql, string[] before, string[] after, bool materialized = false) =>
        RestoreProgramRunner.RunAsync(new RestoreProgram(name, sources, sinkSchema, sql, before, after)
        {
            SinkName = "MySink",
            Materialized = materialized,
        }, _dir);

    private const string T1T2 = "insert into MySink SELECT t2.a, t2.c, t1.c\nFROM (\n SELECT if(a = 3, cast(null as int), a) as a, b, c FROM T1\n"
        + ") as t1\nJOIN (\n SELECT if(a = 3, cast(null as int), a) as a, b, c FROM T2\n) as t2\n";

    [Fact]
    public Task Join_non_window_inner_join() => Run("join-non-window-inner-join", [T1, T2], "a int, c1 varchar, c2 varchar",
        T1T2 + "ON t1.a = t2.a AND t1.b > t2.b",
        ["+I[1, BakerBaker, Baker2]", "+I[1, BakerBaker, Baker2]", "+I[1, BakerBaker, Baker3]", "+I[2, HeHe, Baker5]",
            "+I[1, BakerBaker, Baker6]", "+I[1, BakerBaker, Baker8]"],
        ["+I[2, PostRestoreRight, Baker5]"]);

    [Fact]
    public Task Join_non_window_inner_join_with_null_cond() => Run("join-non-window-inner-join-with-null-cond", [T1, T2], "a int, c1 varchar, c2 varchar",
        T1T2 + "ON \n  ((t1.a is null AND t2.a is null) OR\n  (t1.a = t2.a))\n  AND t1.b > t2.b",
        ["+I[1, BakerBaker, Baker2]", "+I[1, BakerBaker, Baker2]", "+I[1, BakerBaker, Baker3]", "+I[2, HeHe, Baker5]",
            "+I[1, BakerBaker, Baker6]", "+I[1, BakerBaker, Baker8]", "+I[null, HeHe, Baker9]"],
        ["+I[2, PostRestoreRight, Baker5]"]);

    [Fact]
    public Task Join_cross_join()
    {
        string[] before = ["Adam", "Baker", "Charlie", "Don", "Victor"];
        string[] departmentsBefore = ["Accounting", "Research", "Human Resources", "HR", "Sales"];
        string[] allEmployees = [.. before, "Juliet", "Helena", "Ivana"];
        string[] allDepartments = [.. departmentsBefore, "People Operations", "Engineering"];
        var expectedBefore = before.SelectMany(e => departmentsBefore.Select(d => $"+I[{e}, {d}]")).ToArray();
        var expectedAfter = allEmployees.SelectMany(e => allDepartments.Select(d => $"+I[{e}, {d}]")).Except(expectedBefore).ToArray();
        Assert.Equal(31, expectedAfter.Length); // as many as the program lists
        return Run("join-cross-join", [Employee, Department], NamesSink, "insert into MySink SELECT name, department_name FROM EMPLOYEE, DEPARTMENT",
            expectedBefore, expectedAfter);
    }

    [Fact]
    public Task Join_with_filter() => Run("join-with-filter", [Employee, Department], NamesSink,
        "insert into MySink SELECT name, department_name FROM EMPLOYEE, DEPARTMENT where salary = b2 and salary < CAST(2 AS BIGINT)",
        ["+I[Baker, Research]", "+I[Baker, Sales]"], ["+I[Ivana, Sales]", "+I[Ivana, Research]"]);

    [Fact]
    public Task Join_inner_join_with_duplicate_key() => Run("join-inner-join-with-duplicate-key", [Employee, Department], NumbersSink,
        "insert into MySink SELECT deptno, department_num FROM EMPLOYEE JOIN DEPARTMENT ON deptno = department_num AND deptno = b3",
        ["+I[2, 2]"], ["+I[4, 4]", "+I[4, 4]"]);

    [Fact]
    public Task Join_inner_join_with_non_equi_join() => Run("join-inner-join-with-non-equi-join", [Employee, Department], NamesSink,
        "insert into MySink SELECT name, department_name FROM EMPLOYEE JOIN DEPARTMENT ON deptno = department_num AND salary > b2",
        ["+I[Don, Sales]"], ["+I[Helena, Engineering]", "+I[Juliet, Engineering]"]);

    [Fact]
    public Task Join_inner_join_with_equal_pk() => Run("join-inner-join-with-equal-pk", [Employee, Department], NumbersSink,
        $"INSERT INTO MySink SELECT deptno, department_num FROM ({MinSalary}) JOIN ({MinB2}) ON deptno = department_num",
        ["+I[1, 1]", "+I[2, 2]", "+I[3, 3]"], ["+I[4, 4]"]);

    [Fact]
    public Task Join_inner_join_with_pk() => Run("join-inner-join-with-pk", [Employee, Department], NumbersSink,
        $"INSERT INTO MySink SELECT deptno, department_num FROM ({MinSalary}) JOIN ({MinB2}) ON salary = b2",
        ["+I[1, 1]", "+I[2, 2]", "+I[3, 2]", "+I[1, 3]"], ["+I[3, 4]", "+I[2, 4]"], materialized: true);

    [Fact]
    public Task Join_outer_join() => Run("join-outer-join", [Employee, Department], NamesSink,
        "insert into MySink SELECT name, department_name FROM EMPLOYEE FULL OUTER JOIN DEPARTMENT ON deptno = department_num",
        ["+I[Adam, null]", "+I[null, Accounting]", "+I[Baker, Research]", "+I[Charlie, Human Resources]", "+I[Charlie, HR]",
            "+I[Don, Sales]", "+I[Victor, null]"],
        ["+I[Helena, Engineering]", "+I[Juliet, Engineering]", "+I[Ivana, Research]", "+I[Charlie, People Operations]"], materialized: true);

    [Fact]
    public Task Join_left_join() => Run("join-left-join", [Employee, Department], NamesSink,
        "insert into MySink SELECT name, department_name FROM EMPLOYEE LEFT JOIN DEPARTMENT ON deptno = department_num",
        ["+I[Adam, null]", "+I[Baker, Research]", "+I[Charlie, Human Resources]", "+I[Charlie, HR]", "+I[Don, Sales]", "+I[Victor, null]"],
        ["+I[Helena, Engineering]", "+I[Juliet, Engineering]", "+I[Ivana, Research]", "+I[Charlie, People Operations]"], materialized: true);

    [Fact]
    public Task Join_right_join() => Run("join-right-join", [Employee, Department], NamesSink,
        "insert into MySink SELECT name, department_name FROM EMPLOYEE RIGHT OUTER JOIN DEPARTMENT ON deptno = department_num",
        ["+I[null, Accounting]", "+I[Baker, Research]", "+I[Charlie, Human Resources]", "+I[Charlie, HR]", "+I[Don, Sales]"],
        ["+I[Helena, Engineering]", "+I[Juliet, Engineering]", "+I[Ivana, Research]", "+I[Charlie, People Operations]"], materialized: true);

    [Fact]
    public Task Join_semi_join() => Run("join-semi-join", [Employee, Department], "name varchar",
        "insert into MySink SELECT name FROM EMPLOYEE WHERE deptno IN (SELECT department_num FROM DEPARTMENT)",
        ["+I[Baker]", "+I[Charlie]", "+I[Don]"], ["+I[Helena]", "+I[Juliet]", "+I[Ivana]"]);

    [Fact]
    public Task Join_anti_join() => Run("join-anti-join", [Employee, DepartmentNoNulls], "name varchar",
        "insert into MySink SELECT name FROM EMPLOYEE WHERE deptno NOT IN (SELECT department_num FROM DEPARTMENT)",
        ["+I[Victor]"], ["+I[Juliet]", "+I[Helena]"], materialized: true);

    [Fact]
    public Task Join_with_state_ttl_hint() => Run("join-with-state-ttl-hint", [Employee, Department], NumbersSink,
        "INSERT INTO MySink SELECT /*+ STATE_TTL('v1' = '1d', 'v2' = '4d'), STATE_TTL('v2' = '8d') */deptno, department_num "
        + $"FROM ({MinSalary}) v1 JOIN ({MinB2}) v2 ON deptno = department_num",
        ["+I[1, 1]", "+I[2, 2]", "+I[3, 3]"], ["+I[4, 4]"]);
}
