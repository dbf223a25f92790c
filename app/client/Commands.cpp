#include "Commands.h"

#include <QFile>
#include <QTextStream>

namespace portal::cli {

int fail(const QString &message, int code)
{
    QTextStream(stderr) << "portal: " << message << '\n';
    return code;
}

QString readPasswordLine()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    QByteArray line = in.readLine();
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

} // namespace portal::cli
