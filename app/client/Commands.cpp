#include "Commands.h"

#include <QTextStream>

namespace portal::cli {

int fail(const QString &message, int code)
{
    QTextStream(stderr) << "portal: " << message << '\n';
    return code;
}

} // namespace portal::cli
