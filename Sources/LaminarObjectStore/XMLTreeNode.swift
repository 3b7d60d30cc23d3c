/// An element of a small XML document, as S3 and Azure answer with. A hand-written parser rather than
/// FoundationXML: it needs no libxml2 at run time, never expands DTD entities (a document with a DOCTYPE is
/// rejected), and reports malformed input as an error instead of trapping. Element names lose their namespace
/// prefix; attributes are kept by name as written, since Azure marks percent-encoded blob names with one
/// (`<Name Encoded="true">`).
public struct XMLTreeNode: Sendable, Hashable {
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        /// Byte offset into the document.
        public var offset: Int
        public var reason: String

        public var description: String { "malformed XML at byte \(offset): \(reason)" }
    }

    public var name: String
    /// The character data directly inside this element, entities decoded, whitespace kept.
    public var text: String
    public var children: [XMLTreeNode]
    /// The start tag's attributes, values with references decoded; a repeated name keeps its last value.
    public var attributes: [String: String]

    public init(name: String, text: String = "", children: [XMLTreeNode] = [], attributes: [String: String] = [:]) {
        self.name = name
        self.text = text
        self.children = children
        self.attributes = attributes
    }

    public func child(_ name: String) -> XMLTreeNode? { children.first { $0.name == name } }

    public func children(_ name: String) -> [XMLTreeNode] { children.filter { $0.name == name } }

    /// The text of the first child called `name`.
    public func childText(_ name: String) -> String? { child(name)?.text }

    /// `text` with the five XML special characters escaped, for building request documents.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\r": escaped += "&#13;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    /// Elements may nest this deep; S3 documents nest three or four levels.
    static let maximumDepth = 64

    /// Parses a whole document and returns its root element.
    public static func parse(_ document: [UInt8]) throws(ParseError) -> XMLTreeNode {
        var reader = Reader(bytes: document)
        var open: [(node: XMLTreeNode, text: [UInt8])] = []
        var root: XMLTreeNode?
        reader.skipByteOrderMark()
        while !reader.atEnd {
            if reader.peek(is: "<?") {
                try reader.skip(past: "?>")
            } else if reader.peek(is: "<!--") {
                try reader.skip(past: "-->")
            } else if reader.peek(is: "<![CDATA[") {
                reader.advance(9)
                let content = try reader.read(until: "]]>")
                guard !open.isEmpty else { throw reader.error("character data outside the root element") }
                open[open.count - 1].text += content
            } else if reader.peek(is: "<!") {
                throw reader.error("document type declarations are not accepted")
            } else if reader.peek(is: "</") {
                reader.advance(2)
                let name = try reader.readName()
                reader.skipWhitespace()
                guard reader.consume(">") else { throw reader.error("expected `>` closing the end tag") }
                guard let (node, text) = open.popLast(), node.name == name else {
                    throw reader.error("end tag `\(name)` does not match the open element")
                }
                var closed = node
                closed.text = try reader.string(text)
                try attach(closed, to: &open, root: &root, reader: reader)
            } else if reader.peek(is: "<") {
                reader.advance(1)
                let name = try reader.readName()
                let (attributes, selfClosing) = try reader.readAttributes()
                let node = XMLTreeNode(name: name, attributes: attributes)
                if selfClosing {
                    try attach(node, to: &open, root: &root, reader: reader)
                } else {
                    guard root == nil else { throw reader.error("a second root element") }
                    guard open.count < maximumDepth else { throw reader.error("elements nested too deeply") }
                    open.append((node, []))
                }
            } else {
                let text = try reader.readText()
                if open.isEmpty {
                    guard text.allSatisfy(Reader.isWhitespace) else {
                        throw reader.error("text outside the root element")
                    }
                } else {
                    open[open.count - 1].text += text
                }
            }
        }
        guard open.isEmpty else { throw reader.error("element `\(open[open.count - 1].node.name)` is not closed") }
        guard let root else { throw reader.error("no root element") }
        return root
    }

    private static func attach(
        _ node: XMLTreeNode, to open: inout [(node: XMLTreeNode, text: [UInt8])], root: inout XMLTreeNode?,
        reader: Reader
    ) throws(ParseError) {
        if open.isEmpty {
            guard root == nil else { throw reader.error("a second root element") }
            root = node
        } else {
            open[open.count - 1].node.children.append(node)
        }
    }
}
