package project

import (
	"fmt"
	"strings"

	"szsoft/calc"
	"szsoft/internal/tomlloc"
)

// Error is one problem in a project file: a message and a hint as codes
// with their arguments (the face puts them into words). Line and Col are 0
// when the problem has no place in the file.
type Error struct {
	Path      string
	Cell      string // a roster's cell, Sheet1!C7: the error names it after Path
	Line, Col int
	Msg, Hint calc.Note // Hint.Code is "" when there is none
	More      int       // the last error of a file with too many: how many more
}

func (e *Error) Error() string {
	if e.Cell != "" {
		return e.Path + ":" + e.Cell + ": " + string(e.Msg.Code)
	}
	if e.Line == 0 {
		return e.Path + ": " + string(e.Msg.Code)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg.Code)
}

// Errors is every problem found in one file, in the order of the file.
type Errors []*Error

func (es Errors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

func note(code calc.Code, kv ...any) calc.Note {
	return calc.Note{Code: code, Args: calc.ArgsOf(kv...)}
}

// The codes of the loader's errors and hints; internal/msg has their words.
const (
	ErrTooLarge         calc.Code = "file.toolarge"
	ErrBinary           calc.Code = "file.binary"
	ErrNotUTF8          calc.Code = "file.utf8"
	HintNotUTF8         calc.Code = "file.utf8.hint"
	ErrLongLine         calc.Code = "file.shape.line"
	ErrDeep             calc.Code = tomlloc.CodeDeep         // the shapes tomlloc finds
	HintDeep            calc.Code = tomlloc.HintDeep         //
	ErrKeyLength        calc.Code = tomlloc.CodeKeyLength    // max
	ErrTooManyKeys      calc.Code = tomlloc.CodeKeys         // max, table
	ErrTooManyKeysTop   calc.Code = tomlloc.CodeKeysTop      // max
	ErrLongArray        calc.Code = tomlloc.CodeLongArray    // max
	HintShape           calc.Code = tomlloc.HintShape        //
	ErrMore             calc.Code = "file.more"              // n
	ErrNoClaim          calc.Code = "file.noclaim"           //
	HintNoClaim         calc.Code = "file.noclaim.hint"      //
	ErrTOML             calc.Code = "file.toml"              // detail
	ErrRosterMerged     calc.Code = "roster.merged"          // range
	HintRosterMerged    calc.Code = "roster.merged.hint"     //
	ErrRosterReceived   calc.Code = "roster.received"        //
	HintRosterReceived  calc.Code = "roster.received.hint"   //
	ErrRosterColumn     calc.Code = "roster.column"          // header
	HintRosterInMeasure calc.Code = "roster.column.measure"  // columns
	HintRosterColumns   calc.Code = "roster.column.hint"     //
	ErrRosterDuplicate  calc.Code = "roster.duplicate"       // header, first, key
	ErrRosterNoHeader   calc.Code = "roster.noheader"        //
	HintRosterHeader    calc.Code = "roster.noheader.hint"   //
	ErrRosterNoColumn   calc.Code = "roster.nocolumn"        // col
	HintRosterNoColumn  calc.Code = "roster.nocolumn.hint"   //
	ErrRosterYesNo      calc.Code = "roster.yesno"           //
	ErrRosterNoClaim    calc.Code = "roster.noclaim"         //
	ErrRosterTotalRow   calc.Code = "roster.totalrow"        // name
	ErrRosterExample    calc.Code = "roster.example"         // name
	ErrRosterComma      calc.Code = "roster.comma"           // what, value
	HintRosterComma     calc.Code = "roster.comma.hint"      //
	HintRosterNoClaim   calc.Code = "roster.noclaim.hint"    //
	HintRosterYesNo     calc.Code = "roster.yesno.hint"      //
	ErrDuplicateKey     calc.Code = "file.dupkey"            // key
	ErrDuplicateTable   calc.Code = "file.duptable"          // table
	ErrType             calc.Code = "file.type"              // what, want, got
	ErrListOf           calc.Code = "file.listof"            // what, want, i, got
	ErrValue            calc.Code = "file.value"             // what, value, err
	ValueQuoted         calc.Code = "label.quoted"           // quoted: a value as given, and the colon after it
	ErrUnit             calc.Code = "file.unit"              // value
	HintUnit            calc.Code = "file.unit.hint"         //
	ErrPolicy           calc.Code = "file.policy"            // value
	HintPolicy          calc.Code = "file.policy.hint"       // known
	ErrSameKindTop      calc.Code = "file.samekind.top"      //
	HintSameKindTop     calc.Code = "file.samekind.top.hint" //
	ErrUnknownKey       calc.Code = "file.unknown.key"       // key
	ErrUnknownTable     calc.Code = "file.unknown.table"     // table
	ErrUnknownKeyIn     calc.Code = "file.unknown.keyin"     // key, m
	HintDidYouMean      calc.Code = "file.hint.key"          // key
	HintDidYouMeanTable calc.Code = "file.hint.table"        // table
	HintSameMeasure     calc.Code = "file.hint.samemeasure"  // name, table
	HintInMeasure       calc.Code = "file.hint.inmeasure"    // key, tables
	HintTables          calc.Code = "file.hint.tables"       // tables
	HintTopLevel        calc.Code = "file.hint.toplevel"     // keys
	HintTopLevelKey     calc.Code = "file.hint.toplevelkey"  // key
	HintNoKeys          calc.Code = "file.hint.nokeys"       // m, key
	HintKeysOf          calc.Code = "file.hint.keysof"       // m, keys
	ErrArrayOfTables    calc.Code = "file.arraytables"       // m
	HintWriteTable      calc.Code = "file.hint.writetable"   // m
	ErrNotItemOf        calc.Code = "file.samekind.item"     // what, value, m
	HintItemsOf         calc.Code = "file.hint.items"        // m, items
	HintItemsOfNear     calc.Code = "file.hint.items.near"   // near, m, items
	ErrDateTime         calc.Code = "file.datetime"          //
	HintDateTime        calc.Code = "file.datetime.hint"     //
	// The ledger, [[received]]:
	ErrReceivedShape   calc.Code = "file.received.shape"   // got
	HintReceived       calc.Code = "file.received.hint"    //
	ErrReceivedKey     calc.Code = "file.received.key"     // key, i
	HintReceivedKeys   calc.Code = "file.received.keys"    // keys
	ErrReceivedMissing calc.Code = "file.received.missing" // i, key
	ErrPayer           calc.Code = "file.received.payer"   // value
	HintPayer          calc.Code = "file.received.payer.hint"
)

// The kinds of TOML value, in messages.
const (
	TypeString   calc.Code = "type.string"
	TypeStrings  calc.Code = "type.strings"
	TypeItemIDs  calc.Code = "type.itemids"
	TypeInteger  calc.Code = "type.integer"
	TypeFloat    calc.Code = "type.float"
	TypeBool     calc.Code = "type.bool"
	TypeDateTime calc.Code = "type.datetime"
	TypeDate     calc.Code = "type.date"
	TypeTime     calc.Code = "type.time"
	TypeArray    calc.Code = "type.array"
	TypeTable    calc.Code = "type.table"
	TypeAmount   calc.Code = "type.amount"
	TypeRate     calc.Code = "type.rate"
	TypeOneValue calc.Code = "type.onevalue"
	TypeSameKind calc.Code = "type.samekind"
	TypeLevel    calc.Code = "type.level"
	TypeOther    calc.Code = "type.other"
)
