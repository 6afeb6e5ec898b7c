// Parser for the Flink SQL dialect accepted by StreamSql: a whole script of ';'-separated statements.
// Regenerate the C# with grammar/generate.sh after editing. AstBuilder turns the parse tree into Ast records.
parser grammar StreamSqlParser;

options { tokenVocab = StreamSqlLexer; }

// ---------------------------------------------------------------- entry points

script
    : SEMI* (statement (SEMI+ statement)* SEMI*)? EOF
    ;

standaloneExpression
    : expression EOF
    ;

statement
    : query                                                             #queryStatement
    | insertStatement                                                   #insertStatementAlt
    | statementSet                                                      #statementSetAlt
    | EXECUTE (insertStatement | statementSet | createTable | replaceTable) restoreClause? (ALLOW NON RESTORED STATE)?   #executeStatement
    | createTable                                                       #createTableAlt
    | replaceTable                                                      #replaceTableAlt
    | CREATE (TEMPORARY)? VIEW (IF NOT EXISTS)? qualifiedName
        (LPAREN identifierList RPAREN)? (COMMENT STRING)? AS query      #createView
    | CREATE (TEMPORARY SYSTEM?)? FUNCTION (IF NOT EXISTS)? qualifiedName
        AS STRING (LANGUAGE identifier)? (USING JAR STRING (COMMA JAR STRING)*)?   #createFunction
    | CREATE DATABASE (IF NOT EXISTS)? qualifiedName (COMMENT STRING)? withOptions?   #createDatabase
    // A catalog name is one identifier: Flink's parser refuses `a.b` at the dot.
    | CREATE CATALOG (IF NOT EXISTS)? identifier (COMMENT STRING)? withOptions?       #createCatalog
    | DROP TEMPORARY? SYSTEM? kind=(TABLE | VIEW | FUNCTION | DATABASE | CATALOG)
        (IF EXISTS)? qualifiedName (RESTRICT | CASCADE)?               #dropStatement
    | ALTER TABLE (IF EXISTS)? qualifiedName alterTableAction           #alterTable
    | ALTER VIEW qualifiedName (RENAME TO qualifiedName | AS query)     #alterView
    | ALTER CATALOG qualifiedName (alterTableAction | COMMENT STRING)   #alterCatalog
    | ALTER DATABASE qualifiedName SET LPAREN tableOption (COMMA tableOption)* RPAREN   #alterDatabase
    | SET (setKey EQ setValue)?                                         #setStatement
    | RESET setValue?                                                   #resetStatement
    | SHOW showTarget                                                   #showStatement
    | (DESCRIBE | DESC) SAVEPOINT STRING                                #describeSavepoint
    | (DESCRIBE | DESC) CATALOG EXTENDED? qualifiedName                 #describeCatalog
    | (DESCRIBE | DESC) EXTENDED? qualifiedName                         #describeStatement
    | EXPLAIN (PLAN FOR | explainDetail (COMMA explainDetail)*)? statement   #explainStatement
    | STOP JOB STRING (WITH SAVEPOINT)? (WITH DRAIN)?                   #stopJob
    | SAVEPOINT STRING (TO STRING)?                                     #triggerSavepoint
    | LOAD MODULE identifier withOptions?                               #loadModule
    | UNLOAD MODULE identifier                                          #unloadModule
    | USE MODULES identifier (COMMA identifier)*                        #useModules
    | USE CATALOG? qualifiedName                                        #useStatement
    | command=(HELP | QUIT | EXIT | CLEAR)                              #clientCommand
    | ADD JAR STRING                                                    #addJar
    | REMOVE JAR STRING                                                 #removeJar
    ;

insertStatement
    : INSERT (INTO | OVERWRITE) qualifiedName tableHints? partitionSpec? (LPAREN identifierList RPAREN)? query
    ;

// INSERT ... PARTITION (dt = '2024-01-01', hr = 12): static partition values
partitionSpec
    : PARTITION LPAREN partitionValue (COMMA partitionValue)* RPAREN
    ;

partitionValue
    : identifier EQ optionValue
    ;

// EXECUTE STATEMENT SET BEGIN ...; END, STATEMENT SET BEGIN ... END, and the SQL client's BEGIN STATEMENT SET; ...; END
// Any statement is accepted inside, so that AstBuilder can say clearly that only INSERTs belong there.
statementSet
    : STATEMENT SET BEGIN SEMI* statement (SEMI+ statement)* SEMI* END
    | BEGIN STATEMENT SET SEMI+ (statement (SEMI+ statement)* SEMI*)? END    // the client submits nothing for an empty set
    ;

restoreClause
    : FROM SAVEPOINT STRING
    | FROM LATEST CHECKPOINT
    ;

explainDetail
    : ESTIMATED_COST | CHANGELOG_MODE | JSON_EXECUTION_PLAN | PLAN_ADVICE
    ;

// SET 'key' = 'value' (Flink requires quotes; unquoted keys and values are accepted as their raw text). An unquoted key
// holds no string and no SET, so a SET whose ';' was forgotten ("SET\nSET 'k' = 'v';") is a syntax error, as in Flink,
// not a key named "SET 'k'".
setKey
    : STRING
    | ~(EQ | SEMI | STRING | SET)+
    ;

setValue
    : ~SEMI+
    ;

showTarget
    : TABLES ((FROM | IN) qualifiedName)? likePattern?                  #showTables
    | VIEWS ((FROM | IN) qualifiedName)? likePattern?                   #showViews
    | USER? FUNCTIONS ((FROM | IN) qualifiedName)? likePattern?         #showFunctions
    | JOBS                                                              #showJobs
    | CATALOGS likePattern?                                             #showCatalogs
    | DATABASES ((FROM | IN) qualifiedName)? likePattern?               #showDatabases
    | FULL? MODULES                                                     #showModules
    | JARS                                                              #showJars
    | COLUMNS (FROM | IN) qualifiedName likePattern?                    #showColumns
    | CREATE TABLE qualifiedName                                        #showCreateTable
    | CREATE VIEW qualifiedName                                         #showCreateView
    | CREATE CATALOG qualifiedName                                      #showCreateCatalog
    | CURRENT CATALOG                                                   #showCurrentCatalog
    | CURRENT DATABASE                                                  #showCurrentDatabase
    | CHECKPOINTS STRING likePattern?                                   #showCheckpoints
    ;

// Flink's SHOW ... [NOT] (LIKE | ILIKE) '<sql_like_pattern>'
likePattern
    : NOT? (LIKE | ILIKE) STRING
    ;

// ---------------------------------------------------------------- DDL

createTable
    : CREATE TEMPORARY? TABLE (IF NOT EXISTS)? qualifiedName
      (LPAREN tableElement (COMMA tableElement)* RPAREN | LPAREN columnNames=identifierList RPAREN)?
      (COMMENT comment=STRING)?
      distribution?
      (PARTITIONED BY LPAREN partitionKeys=identifierList RPAREN)?
      withOptions?
      likeClause?
      (AS query)?
    ;

// [CREATE OR] REPLACE TABLE t [(columns ...)] [COMMENT] [PARTITIONED BY (...)] WITH (...) AS query (Flink's RTAS)
replaceTable
    : (CREATE OR)? REPLACE TABLE qualifiedName
      (LPAREN tableElement (COMMA tableElement)* RPAREN | LPAREN columnNames=identifierList RPAREN)?
      (COMMENT comment=STRING)?
      distribution?
      (PARTITIONED BY LPAREN partitionKeys=identifierList RPAREN)?
      withOptions?
      AS query
    ;

// Flink 1.20 (FLIP-376): DISTRIBUTED BY [HASH | RANGE] (a, b) [INTO n BUCKETS] | DISTRIBUTED INTO n BUCKETS
distribution
    : DISTRIBUTED BY kind=(HASH | RANGE)? LPAREN identifierList RPAREN (INTO buckets=INTEGER_VALUE BUCKETS)?
    | DISTRIBUTED INTO buckets=INTEGER_VALUE BUCKETS
    ;

tableElement
    : columnDefinition
    | watermarkDefinition
    | tableConstraint
    ;

columnDefinition
    : identifier AS expression (COMMENT STRING)?                                       #computedColumn
    | identifier dataType METADATA (FROM key=STRING)? VIRTUAL? (COMMENT comment=STRING)?           #metadataColumn
    | identifier dataType columnConstraint? (COMMENT STRING)?                          #physicalColumn
    ;

columnConstraint
    : (CONSTRAINT identifier)? PRIMARY KEY (NOT ENFORCED)?
    ;

watermarkDefinition
    : WATERMARK FOR identifier AS expression
    ;

tableConstraint
    : (CONSTRAINT identifier)? PRIMARY KEY LPAREN identifierList RPAREN (NOT ENFORCED)?
    ;

withOptions
    : WITH LPAREN (tableOption (COMMA tableOption)*)? RPAREN
    ;

tableOption
    : key=optionKey EQ value=optionValue
    ;

optionKey
    : STRING
    | identifier (DOT identifier)*
    ;

optionValue
    : STRING
    | MINUS? (INTEGER_VALUE | DECIMAL_VALUE | DOUBLE_VALUE)
    | TRUE
    | FALSE
    | identifier
    ;

likeClause
    : LIKE qualifiedName (LPAREN likeOption* RPAREN)?
    ;

likeOption
    : (INCLUDING | EXCLUDING | OVERWRITING) (ALL | identifier)
    ;

alterTableAction
    : RENAME TO qualifiedName                                           #alterRenameTable
    | SET LPAREN tableOption (COMMA tableOption)* RPAREN                #alterSetOptions
    // An empty list parses, so the planner can say what Flink says ("... RESET does not support empty key").
    | RESET LPAREN (optionKey (COMMA optionKey)*)? RPAREN               #alterResetOptions
    | kind=(ADD | MODIFY) (alterTableElement | LPAREN alterTableElement (COMMA alterTableElement)* RPAREN)   #alterSchema
    // Before DROP identifier: WATERMARK is also a name there (a column named watermark is dropped as `watermark`).
    | DROP PRIMARY KEY                                                  #alterDropPrimaryKey
    | DROP CONSTRAINT identifier                                        #alterDropConstraint
    | DROP WATERMARK                                                    #alterDropWatermark
    | DROP (COLUMN? identifier | LPAREN identifierList RPAREN)          #alterDropColumns
    | RENAME identifier TO identifier                                   #alterRenameColumn
    ;

// ALTER TABLE ADD/MODIFY: a column may say where it goes (Flink: FIRST or AFTER another column)
alterTableElement
    : tableElement (FIRST | AFTER after=identifier)?
    ;

// ---------------------------------------------------------------- queries

query
    : (WITH commonTableExpression (COMMA commonTableExpression)*)? queryNoWith
    ;

commonTableExpression
    : identifier (LPAREN identifierList RPAREN)? AS LPAREN query RPAREN
    ;

queryNoWith
    : queryTerm
      (ORDER BY sortItem (COMMA sortItem)*)?
      (LIMIT (limit=expression | ALL))?
      (OFFSET offset=expression (ROW | ROWS)?)?
      (FETCH (FIRST | NEXT) fetch=expression? (ROW | ROWS) ONLY)?
    ;

queryTerm
    : queryPrimary                                                                      #queryTermPrimary
    | left=queryTerm INTERSECT setQuantifier? right=queryTerm                           #setOperation
    | left=queryTerm operator=(UNION | EXCEPT) setQuantifier? right=queryTerm           #setOperation
    ;

queryPrimary
    : querySpecification                                                #selectPrimary
    | VALUES valuesRow (COMMA valuesRow)*                               #valuesPrimary
    | LPAREN query RPAREN                                               #parenthesizedQuery
    ;

valuesRow
    : ROW? LPAREN expression (COMMA expression)* RPAREN
    | expression
    ;

querySpecification
    : SELECT hintList? setQuantifier? selectItem (COMMA selectItem)*
      (FROM relation (COMMA relation)*)?
      (WHERE where=expression)?
      (GROUP BY groupingElement (COMMA groupingElement)*)?
      (HAVING having=expression)?
      (WINDOW namedWindow (COMMA namedWindow)*)?
    ;

setQuantifier
    : DISTINCT
    | ALL
    ;

selectItem
    : ASTERISK                                                          #selectAll
    | qualifiedName DOT ASTERISK                                        #selectQualifiedAll
    | expression (AS? identifier)?                                      #selectSingle
    ;

groupingElement
    : GROUPING SETS LPAREN groupingSet (COMMA groupingSet)* RPAREN      #groupingSets
    | ROLLUP LPAREN groupingSet (COMMA groupingSet)* RPAREN              #rollup
    | CUBE LPAREN groupingSet (COMMA groupingSet)* RPAREN               #cube
    | LPAREN RPAREN                                                     #emptyGroupingSet
    | expression                                                        #singleGroupingSet
    ;

groupingSet
    : LPAREN (expression (COMMA expression)*)? RPAREN
    | expression
    ;

namedWindow
    : identifier AS windowSpecification
    ;

sortItem
    : expression ordering=(ASC | DESC)? (NULLS nullOrdering=(FIRST | LAST))?
    ;

relation
    : left=relation CROSS JOIN right=relationPrimary                                    #crossJoin
    | left=relation NATURAL joinType JOIN right=relationPrimary                         #naturalJoin
    | left=relation joinType JOIN right=relationPrimary joinCriteria?                   #joinRelation
    | relationPrimary                                                                   #relationDefault
    ;

joinType
    : INNER?
    | LEFT OUTER?
    | RIGHT OUTER?
    | FULL OUTER?
    ;

joinCriteria
    : ON expression
    | USING LPAREN identifierList RPAREN
    ;

relationPrimary
    : qualifiedName tableHints? (FOR SYSTEM_TIME AS OF valueExpression)? tableAlias?    #tableName
    | LATERAL? TABLE LPAREN functionCall RPAREN tableAlias?                             #tableFunction
    | LATERAL? LPAREN query RPAREN tableAlias?                                          #subqueryRelation
    | UNNEST LPAREN expression (COMMA expression)* RPAREN (WITH ORDINALITY)? tableAlias?   #unnest
    | LPAREN relation RPAREN                                                            #parenthesizedRelation
    | qualifiedName matchRecognize tableAlias?                                          #matchRecognizeTable
    | LPAREN query RPAREN matchRecognize tableAlias?                                    #matchRecognizeSubquery
    ;

// Row pattern recognition (Flink's MATCH_RECOGNIZE). ALL ROWS PER MATCH parses so that it can be refused by name.
matchRecognize
    : MATCH_RECOGNIZE LPAREN
      (PARTITION BY expression (COMMA expression)*)?
      (ORDER BY sortItem (COMMA sortItem)*)?
      (MEASURES measureItem (COMMA measureItem)*)?
      rowsPerMatch?
      (AFTER MATCH SKIP_ afterMatchSkip)?
      PATTERN LPAREN rowPattern RPAREN
      (WITHIN within=interval)?
      (SUBSET subsetItem (COMMA subsetItem)*)?
      DEFINE defineItem (COMMA defineItem)*
      RPAREN
    ;

measureItem
    : expression AS identifier
    ;

rowsPerMatch
    : ONE ROW PER MATCH                                                                 #oneRowPerMatch
    | ALL ROWS PER MATCH                                                                #allRowsPerMatch
    ;

afterMatchSkip
    : PAST LAST ROW                                                                     #skipPastLastRow
    | TO NEXT ROW                                                                       #skipToNextRow
    | TO FIRST identifier                                                               #skipToFirst
    | TO LAST identifier                                                                #skipToLast
    | TO identifier                                                                     #skipToLast
    ;

rowPattern
    : rowPatternTerm (PIPE rowPatternTerm)*
    ;

rowPatternTerm
    : rowPatternFactor+
    ;

rowPatternFactor
    : rowPatternPrimary rowPatternQuantifier?
    ;

rowPatternPrimary
    : identifier                                                                        #patternVariable
    | LPAREN rowPattern RPAREN                                                          #patternGroup
    ;

rowPatternQuantifier
    : (ASTERISK | PLUS | QUESTION) reluctant=QUESTION?                                  #simpleQuantifier
    | LBRACE min=INTEGER_VALUE? (comma=COMMA max=INTEGER_VALUE?)? RBRACE reluctant=QUESTION?   #rangeQuantifier
    ;

subsetItem
    : identifier EQ LPAREN identifier (COMMA identifier)* RPAREN
    ;

defineItem
    : identifier AS expression
    ;

tableAlias
    : AS? identifier (LPAREN identifierList RPAREN)?
    ;

tableHints
    : hintList
    ;

hintList
    : HINT_START hint (COMMA? hint)* HINT_END
    ;

hint
    : identifier (LPAREN (hintOption (COMMA hintOption)* | hintArgument (COMMA hintArgument)*)? RPAREN)?
    ;

hintOption
    : optionKey EQ optionValue
    ;

hintArgument
    : identifier (DOT identifier)*
    | STRING
    | INTEGER_VALUE
    ;

// ---------------------------------------------------------------- expressions

expression
    : booleanExpression
    ;

booleanExpression
    : NOT booleanExpression                                             #logicalNot
    | valueExpression predicate*                                        #predicated
    | left=booleanExpression AND right=booleanExpression                #logicalAnd
    | left=booleanExpression OR right=booleanExpression                 #logicalOr
    ;

// Applies to the value before it (or to the previous predicate's result).
predicate
    : comparisonOperator right=valueExpression                                          #comparison
    | NOT? BETWEEN (ASYMMETRIC | SYMMETRIC)? lower=valueExpression AND upper=valueExpression   #between
    | NOT? IN LPAREN query RPAREN                                                       #inSubquery
    | NOT? IN LPAREN expression (COMMA expression)* RPAREN                              #inList
    | NOT? LIKE pattern=valueExpression (ESCAPE escape=valueExpression)?                #like
    | NOT? SIMILAR TO pattern=valueExpression (ESCAPE escape=valueExpression)?          #similarTo
    | IS NOT? NULL                                                                      #isNull
    | IS NOT? truth=(TRUE | FALSE | UNKNOWN)                                            #isTruth
    | IS NOT? DISTINCT FROM right=valueExpression                                       #distinctFrom
    | IS NOT? JSON kind=(VALUE | SCALAR | ARRAY | OBJECT)?                              #isJson
    | OVERLAPS right=valueExpression                                                    #overlaps
    ;

comparisonOperator
    : EQ | NEQ | LT | LTE | GT | GTE
    ;

valueExpression
    : primaryExpression                                                                 #valuePrimary
    | operator=(MINUS | PLUS) valueExpression                                           #unaryArithmetic
    | left=valueExpression operator=(ASTERISK | SLASH | PERCENT | CONCAT) right=valueExpression   #multiplicative
    | left=valueExpression operator=(PLUS | MINUS) right=valueExpression                #additive
    ;

primaryExpression
    : literal                                                                           #literalExpression
    | interval                                                                          #intervalExpression
    | CASE operand=expression whenClause+ (ELSE elseExpression=expression)? END         #simpleCase
    | CASE whenClause+ (ELSE elseExpression=expression)? END                            #searchedCase
    | (CAST | TRY_CAST) LPAREN expression AS dataType RPAREN                            #cast
    | EXTRACT LPAREN (timeUnit | field=identifier) FROM expression RPAREN              #extract
    | TRIM LPAREN trimSide=(BOTH | LEADING | TRAILING) (chars=expression? FROM)? source=expression RPAREN   #trimWithSide
    | TRIM LPAREN (chars=expression FROM)? source=expression RPAREN                     #trimChars
    | SUBSTRING LPAREN expression FROM expression (FOR expression)? RPAREN              #substring
    | POSITION LPAREN valueExpression IN expression RPAREN                              #position
    | OVERLAY LPAREN expression PLACING expression FROM expression (FOR expression)? RPAREN   #overlay
    | JSON_VALUE LPAREN expression COMMA expression (RETURNING dataType)?
        // Calcite reads the ON EMPTY and ON ERROR clauses in either order.
        (onEmpty=jsonValueBehavior ON EMPTY (onError=jsonValueBehavior ON ERROR)?
        | onError=jsonValueBehavior ON ERROR (onEmpty=jsonValueBehavior ON EMPTY)?)? RPAREN  #jsonValue
    | JSON_QUERY LPAREN expression COMMA expression (RETURNING dataType)? jsonQueryWrapper?
        (onEmpty=jsonQueryBehavior ON EMPTY (onError=jsonQueryBehavior ON ERROR)?
        | onError=jsonQueryBehavior ON ERROR (onEmpty=jsonQueryBehavior ON EMPTY)?)? RPAREN  #jsonQuery
    | JSON_EXISTS LPAREN expression COMMA expression (onError=(TRUE | FALSE | UNKNOWN | ERROR) ON ERROR)? RPAREN   #jsonExists
    | JSON_OBJECT LPAREN (jsonKeyValue (COMMA jsonKeyValue)*)? (onNull=(NULL | ABSENT) ON NULL)? RPAREN   #jsonObject
    | JSON_ARRAY LPAREN (expression (COMMA expression)*)? (onNull=(NULL | ABSENT) ON NULL)? RPAREN   #jsonArray
    // The JSON aggregates (Calcite's syntax): ON NULL inside the parentheses, then FILTER and OVER as any aggregate call.
    | JSON_ARRAYAGG LPAREN expression (ORDER BY sortItem (COMMA sortItem)*)? (onNull=(NULL | ABSENT) ON NULL)? RPAREN
        (FILTER LPAREN WHERE filter=expression RPAREN)? (OVER over=windowReference)?   #jsonArrayAgg
    | JSON_OBJECTAGG LPAREN jsonKeyValue (onNull=(NULL | ABSENT) ON NULL)? RPAREN
        (FILTER LPAREN WHERE filter=expression RPAREN)? (OVER over=windowReference)?   #jsonObjectAgg
    // Calcite's time frames also take DECADE, CENTURY and MILLENNIUM here (as EXTRACT takes its fields).
    | name=(FLOOR | CEIL | CEILING) LPAREN expression TO (timeUnit | field=identifier) RPAREN   #floorCeilTo
    | name=(TIMESTAMPADD | TIMESTAMPDIFF) LPAREN timeUnit COMMA expression COMMA expression RPAREN   #timestampArith
    | name=(CURRENT_TIMESTAMP | CURRENT_DATE | CURRENT_TIME | LOCALTIMESTAMP | LOCALTIME) #niladicFunction
    | ARRAY LBRACKET (expression (COMMA expression)*)? RBRACKET                         #arrayConstructor
    | MAP LBRACKET (expression (COMMA expression)*)? RBRACKET                           #mapConstructor
    | ROW LPAREN (expression (COMMA expression)*)? RPAREN                               #rowConstructor
    | DESCRIPTOR LPAREN identifierList RPAREN                                           #descriptor
    | functionCall                                                                      #functionCallExpression
    | EXISTS LPAREN query RPAREN                                                        #exists
    | LPAREN query RPAREN                                                               #subqueryExpression
    // One alternative for (x) and the implicit row (x, y): as two, predicting which one a '(' starts looked ahead to its
    // matching ')' at every level of nesting, which made deep parentheses cost quadratic time and memory in ANTLR's caches.
    | LPAREN expression (COMMA expression)* RPAREN                                      #parenthesizedExpression
    | identifier                                                                        #columnReference
    | target=primaryExpression DOT fieldName=identifier                                   #dereference
    | value=primaryExpression LBRACKET index=valueExpression RBRACKET                   #itemAccess
    ;

functionCall
    : functionName LPAREN (ASTERISK | (setQuantifier? functionArgument (COMMA functionArgument)* nullTreatment?))? RPAREN
      (FILTER LPAREN WHERE filter=expression RPAREN)?
      (OVER over=windowReference)?
    ;

// ARRAY_AGG(x RESPECT NULLS | IGNORE NULLS)
nullTreatment
    : (RESPECT | IGNORE) NULLS
    ;

functionName
    : qualifiedName
    | LEFT
    | RIGHT
    | FIRST
    ;

functionArgument
    : argumentName ARROW functionArgumentValue                          #namedArgument
    | functionArgumentValue                                             #positionalArgument
    ;

// OFFSET is reserved (LIMIT ... OFFSET) yet names the window TVFs' offset parameter: TUMBLE(..., OFFSET => INTERVAL '1' MINUTES).
argumentName
    : identifier
    | OFFSET
    ;

functionArgumentValue
    // PARTITION BY takes one key, or a parenthesized list of keys (parsed as an implicit row): SESSION(TABLE t
    // PARTITION BY (a, b), DESCRIPTOR(ts), ...). A bare list would swallow the function's following arguments.
    : TABLE qualifiedName (PARTITION BY expression)?                                #tableArgument
    | TABLE LPAREN query RPAREN (PARTITION BY expression)?                          #tableQueryArgument
    | expression                                                                    #scalarArgument
    ;

windowReference
    : identifier
    | windowSpecification
    ;

windowSpecification
    : LPAREN
      (PARTITION BY expression (COMMA expression)*)?
      (ORDER BY sortItem (COMMA sortItem)*)?
      windowFrame?
      RPAREN
    ;

windowFrame
    : unit=(ROWS | RANGE) start=frameBound
    | unit=(ROWS | RANGE) BETWEEN start=frameBound AND end=frameBound
    ;

frameBound
    : UNBOUNDED PRECEDING                                               #unboundedPreceding
    | UNBOUNDED FOLLOWING                                               #unboundedFollowing
    | CURRENT ROW                                                       #currentRow
    | valueExpression direction=(PRECEDING | FOLLOWING)                 #boundedFrame
    ;

jsonKeyValue
    : KEY? key=expression VALUE value=expression
    ;

jsonValueBehavior
    : NULL
    | ERROR
    | DEFAULT expression
    ;

jsonQueryWrapper
    : WITHOUT ARRAY? WRAPPER
    | WITH kind=(CONDITIONAL | UNCONDITIONAL)? ARRAY? WRAPPER
    ;

jsonQueryBehavior
    : NULL
    | ERROR
    | EMPTY kind=(ARRAY | OBJECT)
    ;

// A simple CASE (with an operand) may list several values per WHEN, as Calcite does: WHEN 1, 2 THEN ...
whenClause
    : WHEN conditions+=expression (COMMA conditions+=expression)* THEN result=expression
    ;

literal
    : NULL                                                              #nullLiteral
    | (TRUE | FALSE)                                                    #booleanLiteral
    | INTEGER_VALUE                                                     #integerLiteral
    | DECIMAL_VALUE                                                     #decimalLiteral
    | DOUBLE_VALUE                                                      #doubleLiteral
    | STRING+                                                           #stringLiteral
    | UNICODE_STRING (UESCAPE escape=STRING)?                           #unicodeStringLiteral
    | BINARY_STRING                                                     #binaryLiteral
    | kind=(DATE | TIME | TIMESTAMP) STRING                             #typedLiteral
    ;

interval
    : INTERVAL sign=(MINUS | PLUS)? value=intervalValue from=timeUnit (LPAREN precision=INTEGER_VALUE RPAREN)?
      (TO to=timeUnit (LPAREN INTEGER_VALUE RPAREN)?)?
    ;

intervalValue
    : STRING
    | INTEGER_VALUE
    | DECIMAL_VALUE
    ;

timeUnit
    : YEAR | YEARS | QUARTER | QUARTERS | MONTH | MONTHS | WEEK | WEEKS | DAY | DAYS
    | HOUR | HOURS | MINUTE | MINUTES | SECOND | SECONDS
    | MILLISECOND | MILLISECONDS | MICROSECOND | MICROSECONDS | NANOSECOND | NANOSECONDS
    ;

// ---------------------------------------------------------------- types

dataType
    : dataTypeBody (NOT NULL | NULL)?
    ;

dataTypeBody
    : ARRAY LT dataType GT                                                              #arrayType
    | MULTISET LT dataType GT                                                           #multisetType
    | MAP LT keyType=dataType COMMA valueType=dataType GT                               #mapType
    | ROW LT (rowField (COMMA rowField)*)? GT                                            #rowType
    | ROW LPAREN (rowField (COMMA rowField)*)? RPAREN                                   #rowType
    | INTERVAL from=timeUnit (LPAREN INTEGER_VALUE RPAREN)? (TO to=timeUnit (LPAREN INTEGER_VALUE RPAREN)?)?   #intervalType
    | identifier qualifier=(VARYING | PRECISION)? (LPAREN INTEGER_VALUE (COMMA INTEGER_VALUE)* RPAREN)?
        (WITH LOCAL TIME ZONE | WITHOUT TIME ZONE)?                                     #simpleType
    | dataTypeBody (elementNotNull=NOT NULL | NULL)? ARRAY                              #postfixArrayType
    | dataTypeBody (elementNotNull=NOT NULL | NULL)? MULTISET                           #postfixMultisetType
    ;

rowField
    : identifier dataType STRING?
    ;

// ---------------------------------------------------------------- names

qualifiedName
    : identifier (DOT identifier)*
    ;

identifierList
    : identifier (COMMA identifier)*
    ;

identifier
    : IDENTIFIER
    | BACKQUOTED_IDENTIFIER
    | nonReserved
    ;

// Keywords that Flink users commonly need as names (and that cause no ambiguity here).
nonReserved
    : ABSENT
    | PRECISION
    | VARYING
    | UESCAPE
    | AFTER
    | DEFINE
    | MATCH
    | MEASURES
    | ONE
    | PAST
    | PATTERN
    | PER
    | SKIP_
    | SUBSET
    | WITHIN
    | ADD
    | ALLOW
    | ALTER
    | ASC
    | ASYMMETRIC
    | BEGIN
    | BOTH
    | BUCKETS
    | CASCADE
    | CATALOG
    | CATALOGS
    | CEIL
    | CEILING
    | CHANGELOG_MODE
    | CHECKPOINT
    | CHECKPOINTS
    | CLEAR
    | COLUMN
    | COLUMNS
    | COMMENT
    | CONSTRAINT
    | CREATE
    | CUBE
    | CURRENT
    | DATABASE
    | DATABASES
    | DATE
    | DAY
    | DAYS
    | DESC
    | DESCRIBE
    | DESCRIPTOR
    | DRAIN
    | DROP
    | ENFORCED
    | ESCAPE
    | ESTIMATED_COST
    | EXCLUDING
    | EXECUTE
    | EXIT
    | EXPLAIN
    | EXTENDED
    | EXTRACT
    | FIRST
    | FLOOR
    | FOLLOWING
    | FUNCTION
    | FUNCTIONS
    | GROUPING
    | HASH
    | HELP
    | HOUR
    | HOURS
    | IF
    | IGNORE
    | ILIKE
    | INCLUDING
    | INTO
    | JAR
    | JARS
    | JOB
    | JOBS
    | JSON_EXECUTION_PLAN
    | JSON_OBJECT
    | JSON_VALUE
    | JSON_QUERY
    | JSON_EXISTS
    | JSON_ARRAY
    | JSON_ARRAYAGG
    | JSON_OBJECTAGG
    | JSON
    | CONDITIONAL
    | UNCONDITIONAL
    | WRAPPER
    | SCALAR
    | OBJECT
    | EMPTY
    | ERROR
    | DEFAULT
    | DISTRIBUTED
    | KEY
    | LANGUAGE
    | LAST
    | LATEST
    | LEADING
    | LOCAL
    | METADATA
    | MICROSECOND
    | MICROSECONDS
    | MILLISECOND
    | MILLISECONDS
    | MINUTE
    | MINUTES
    | LOAD
    | MODIFY
    | MODULE
    | MODULES
    | UNLOAD
    | MONTH
    | MONTHS
    | MULTISET
    | NANOSECOND
    | NANOSECONDS
    | NEXT
    | NON
    | NULLS
    | OF
    | ONLY
    | ORDINALITY
    | OVERWRITE
    | OVERLAPS
    | OVERLAY
    | OVERWRITING
    | PARTITION
    | PARTITIONED
    | PLACING
    | PLAN
    | PLAN_ADVICE
    | POSITION
    | PRECEDING
    | PRIMARY
    | QUARTER
    | QUARTERS
    | QUIT
    | RANGE
    | REMOVE
    | RENAME
    | REPLACE
    | RESET
    | RESPECT
    | RESTORED
    | RESTRICT
    | RETURNING
    | ROLLUP
    | SAVEPOINT
    | SECOND
    | SECONDS
    | SET
    | SETS
    | SHOW
    | STATE
    | STATEMENT
    | STOP
    | SUBSTRING
    | SYMMETRIC
    | SYSTEM
    | SYSTEM_TIME
    | TABLES
    | TEMPORARY
    | TIME
    | TIMESTAMP
    | TIMESTAMPADD
    | TIMESTAMPDIFF
    | TO
    | TRAILING
    | TRIM
    | TRY_CAST
    | UNBOUNDED
    | UNKNOWN
    | USE
    | USER
    | VALUE
    | VIEW
    | VIEWS
    | VIRTUAL
    | WATERMARK
    | WEEK
    | WEEKS
    | WITHOUT
    | YEAR
    | YEARS
    | ZONE
    ;
