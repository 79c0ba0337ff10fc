<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../antq_desktop/ui/about_dialog.py" line="44"/>
        <source>About ANTQ Desktop</source>
        <translation>Giới thiệu ANTQ Desktop</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/about_dialog.py" line="49"/>
        <source>Records of the movement “Toàn dân bảo vệ an ninh Tổ quốc” for commune police stations, working without the internet.</source>
        <translation>Quản lý phong trào “Toàn dân bảo vệ an ninh Tổ quốc” cho Công an cấp xã, làm việc không cần Internet.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/about_dialog.py" line="55"/>
        <source>Data folder: %1
Database: %2</source>
        <translation>Thư mục dữ liệu: %1
Cơ sở dữ liệu: %2</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/about_dialog.py" line="63"/>
        <source>Component</source>
        <translation>Thành phần</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/about_dialog.py" line="63"/>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/about_dialog.py" line="63"/>
        <source>Licence</source>
        <translation>Giấy phép</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/about_dialog.py" line="76"/>
        <source>Open the data folder</source>
        <translation>Mở thư mục dữ liệu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/about_dialog.py" line="84"/>
        <source>Font licence text: %1</source>
        <translation>Văn bản giấy phép phông chữ: %1</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../antq_desktop/ui/admin/account_dialog.py" line="30"/>
        <source>Account</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/account_dialog.py" line="42"/>
        <source>May sign in</source>
        <translation>Được đăng nhập</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/account_dialog.py" line="48"/>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/account_dialog.py" line="49"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/account_dialog.py" line="50"/>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/account_dialog.py" line="52"/>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
</context>
<context>
    <name>AccountsTab</name>
    <message>
        <location filename="../antq_desktop/ui/admin/accounts_tab.py" line="32"/>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/accounts_tab.py" line="33"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/accounts_tab.py" line="34"/>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/accounts_tab.py" line="35"/>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/accounts_tab.py" line="36"/>
        <source>Created</source>
        <translation>Ngày tạo</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/accounts_tab.py" line="44"/>
        <source>Add an account…</source>
        <translation>Thêm tài khoản…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/accounts_tab.py" line="45"/>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/accounts_tab.py" line="46"/>
        <source>Set a new password…</source>
        <translation>Đặt mật khẩu mới…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/accounts_tab.py" line="47"/>
        <source>Unlock</source>
        <translation>Mở khóa</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/accounts_tab.py" line="60"/>
        <location filename="../antq_desktop/ui/admin/accounts_tab.py" line="64"/>
        <source> minutes</source>
        <translation> phút</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/accounts_tab.py" line="65"/>
        <source>never</source>
        <translation>không bao giờ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/accounts_tab.py" line="67"/>
        <source>Save the sign-in rules</source>
        <translation>Lưu quy định đăng nhập</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/accounts_tab.py" line="70"/>
        <source>Sign-in rules</source>
        <translation>Quy định đăng nhập</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/accounts_tab.py" line="72"/>
        <source>Wrong passwords before a lock</source>
        <translation>Số lần nhập sai trước khi khóa</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/accounts_tab.py" line="73"/>
        <source>Account locked for</source>
        <translation>Khóa tài khoản trong</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/accounts_tab.py" line="74"/>
        <source>Lock the screen after idle</source>
        <translation>Khóa màn hình khi không dùng sau</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/accounts_tab.py" line="89"/>
        <source>disabled</source>
        <translation>đã tắt</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/accounts_tab.py" line="91"/>
        <source>locked until %1</source>
        <translation>tạm khóa đến %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/accounts_tab.py" line="93"/>
        <source>active</source>
        <translation>đang dùng</translation>
    </message>
</context>
<context>
    <name>AdminArea</name>
    <message>
        <location filename="../antq_desktop/ui/admin/area.py" line="23"/>
        <source>Accounts</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/area.py" line="24"/>
        <source>Audit trail</source>
        <translation>Nhật ký thao tác</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/area.py" line="25"/>
        <source>Backups</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/area.py" line="27"/>
        <source>Data encryption</source>
        <translation>Mã hóa dữ liệu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/area.py" line="29"/>
        <source>Only an administrator can change accounts and rules.</source>
        <translation>Chỉ Quản trị được thay đổi tài khoản và quy định.</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="348"/>
        <source>Administrator account</source>
        <translation>Tài khoản quản trị</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="349"/>
        <source>The first account; it can add the other officers later.</source>
        <translation>Tài khoản đầu tiên; sau này tài khoản này thêm được các cán bộ khác.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="360"/>
        <source>User name:</source>
        <translation>Tên đăng nhập:</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="361"/>
        <source>Full name:</source>
        <translation>Họ và tên:</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="362"/>
        <source>Password:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="363"/>
        <source>Repeat password:</source>
        <translation>Nhập lại mật khẩu:</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="378"/>
        <source>The user name needs at least 3 characters.</source>
        <translation>Tên đăng nhập cần ít nhất 3 ký tự.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="381"/>
        <source>The password needs at least 6 characters.</source>
        <translation>Mật khẩu cần ít nhất 6 ký tự.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="386"/>
        <source>The two passwords differ.</source>
        <translation>Hai lần nhập mật khẩu không khớp nhau.</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <location filename="../antq_desktop/ui/meetings/answer_dialog.py" line="26"/>
        <source>Answer to %1</source>
        <translation>Trả lời %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/answer_dialog.py" line="26"/>
        <source>the opinion</source>
        <translation>ý kiến</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/answer_dialog.py" line="32"/>
        <source>Answer</source>
        <translation>Nội dung trả lời</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/answer_dialog.py" line="33"/>
        <source>Answered on</source>
        <translation>Ngày trả lời</translation>
    </message>
</context>
<context>
    <name>AssessmentDialog</name>
    <message>
        <location filename="../antq_desktop/ui/reports/assessment_dialog.py" line="37"/>
        <source>Assessment of %1, %2</source>
        <translation>Đánh giá %1 năm %2</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/assessment_dialog.py" line="41"/>
        <source>Registered for the assessment this year</source>
        <translation>Đăng ký xây dựng “An toàn về ANTT” năm nay</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/assessment_dialog.py" line="46"/>
        <source>Criterion 1 (computed): %1 of %2 households signed the commitment — %3</source>
        <translation>Tiêu chí 1 (tự tính): %1 trên %2 hộ đã ký cam kết — %3</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/assessment_dialog.py" line="49"/>
        <source>met</source>
        <translation>đạt</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/assessment_dialog.py" line="49"/>
        <source>not met</source>
        <translation>chưa đạt</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/assessment_dialog.py" line="62"/>
        <source>(no self-assessment meeting yet)</source>
        <translation>(chưa có hội nghị tự đánh giá)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/assessment_dialog.py" line="73"/>
        <source>Self-assessment meeting</source>
        <translation>Hội nghị bình xét, tự đánh giá</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/assessment_dialog.py" line="81"/>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/assessment_dialog.py" line="82"/>
        <source>Recognition decision no.</source>
        <translation>Số quyết định công nhận</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/assessment_dialog.py" line="83"/>
        <source>Decision date</source>
        <translation>Ngày quyết định</translation>
    </message>
</context>
<context>
    <name>AssessmentTab</name>
    <message>
        <location filename="../antq_desktop/ui/reports/assessment_tab.py" line="38"/>
        <source>Year </source>
        <translation>Năm </translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/assessment_tab.py" line="47"/>
        <source>Village</source>
        <translation>Thôn, tổ dân phố</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/assessment_tab.py" line="48"/>
        <source>Registered</source>
        <translation>Đăng ký</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/assessment_tab.py" line="49"/>
        <source>Criterion 1</source>
        <translation>Tiêu chí 1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/assessment_tab.py" line="50"/>
        <source>Other criteria</source>
        <translation>Các tiêu chí khác</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/assessment_tab.py" line="51"/>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/assessment_tab.py" line="52"/>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/assessment_tab.py" line="58"/>
        <source>Assess…</source>
        <translation>Đánh giá…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/assessment_tab.py" line="79"/>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/assessment_tab.py" line="79"/>
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/assessment_tab.py" line="81"/>
        <source>all met</source>
        <translation>đạt tất cả</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/assessment_tab.py" line="81"/>
        <source>%1 not met</source>
        <translation>%1 tiêu chí chưa đạt</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/assessment_tab.py" line="90"/>
        <source>%1 of %2 registered units (villages, offices, businesses, schools) recognised (%3 %; the threshold is %4 %, %5 needed).</source>
        <translation>%1 trên %2 đơn vị đăng ký (khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục) được công nhận (%3 %; ngưỡng %4 %, cần %5).</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <location filename="../antq_desktop/ui/admin/audit_tab.py" line="46"/>
        <source>All actions</source>
        <translation>Mọi thao tác</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/audit_tab.py" line="50"/>
        <source>From</source>
        <translation>Từ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/audit_tab.py" line="52"/>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/audit_tab.py" line="59"/>
        <source>No.</source>
        <translation>Số</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/audit_tab.py" line="60"/>
        <source>Time</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/audit_tab.py" line="61"/>
        <source>User</source>
        <translation>Người dùng</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/audit_tab.py" line="62"/>
        <source>Action</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/audit_tab.py" line="63"/>
        <source>Table</source>
        <translation>Bảng</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/audit_tab.py" line="64"/>
        <source>What changed</source>
        <translation>Nội dung thay đổi</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/audit_tab.py" line="70"/>
        <source>Check the trail has not been altered</source>
        <translation>Kiểm tra nhật ký có bị sửa không</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/audit_tab.py" line="73"/>
        <source>Export to Excel…</source>
        <translation>Xuất ra Excel…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/audit_tab.py" line="96"/>
        <source>Every user</source>
        <translation>Mọi người dùng</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/audit_tab.py" line="122"/>
        <source>(the program)</source>
        <translation>(chương trình)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/audit_tab.py" line="130"/>
        <source>%1 entries</source>
        <translation>%1 dòng nhật ký</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/audit_tab.py" line="132"/>
        <source>(the newest %1 shown)</source>
        <translation>(hiện %1 dòng mới nhất)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/audit_tab.py" line="140"/>
        <source>The trail is intact: %1 entries, each linked to the one before.</source>
        <translation>Nhật ký còn nguyên vẹn: %1 dòng, dòng nào cũng khớp với dòng trước.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/audit_tab.py" line="151"/>
        <location filename="../antq_desktop/ui/admin/audit_tab.py" line="160"/>
        <source>Export the audit trail</source>
        <translation>Xuất nhật ký thao tác</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/audit_tab.py" line="153"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/audit_tab.py" line="161"/>
        <source>Writing the audit trail…</source>
        <translation>Đang ghi nhật ký thao tác…</translation>
    </message>
</context>
<context>
    <name>AwardsArea</name>
    <message>
        <location filename="../antq_desktop/ui/awards/area.py" line="26"/>
        <source>Decisions</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/area.py" line="27"/>
        <source>Print register</source>
        <translation>Sổ in giấy khen</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/area.py" line="28"/>
        <source>Check a certificate</source>
        <translation>Kiểm tra giấy khen</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/area.py" line="29"/>
        <source>Medal eligibility</source>
        <translation>Đủ điều kiện Kỷ niệm chương</translation>
    </message>
</context>
<context>
    <name>BackupsTab</name>
    <message>
        <location filename="../antq_desktop/ui/admin/backups_tab.py" line="37"/>
        <source>Back up now</source>
        <translation>Sao lưu ngay</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/backups_tab.py" line="40"/>
        <source>Choose a second folder (USB stick)…</source>
        <translation>Chọn thư mục lưu bản thứ hai (USB)…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/backups_tab.py" line="42"/>
        <source>No second copy</source>
        <translation>Không lưu bản thứ hai</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/backups_tab.py" line="44"/>
        <source>Restore from a backup…</source>
        <translation>Khôi phục từ bản sao lưu…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/backups_tab.py" line="47"/>
        <source>Backup file</source>
        <translation>Tệp sao lưu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/backups_tab.py" line="47"/>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/backups_tab.py" line="47"/>
        <source>Written</source>
        <translation>Thời điểm ghi</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/backups_tab.py" line="56"/>
        <source>A verified backup is written every day and when the program closes; the folder keeps 7 daily, 4 weekly and 12 monthly copies.</source>
        <translation>Chương trình tự sao lưu (có kiểm tra) mỗi ngày và khi đóng chương trình; thư mục giữ 7 bản theo ngày, 4 bản theo tuần và 12 bản theo tháng.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/backups_tab.py" line="74"/>
        <source>Last backup: %1 — %2</source>
        <translation>Lần sao lưu gần nhất: %1 — %2</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/backups_tab.py" line="79"/>
        <source>No backup yet.</source>
        <translation>Chưa sao lưu lần nào.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/backups_tab.py" line="82"/>
        <source>Second copy to: %1</source>
        <translation>Bản thứ hai lưu vào: %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/backups_tab.py" line="84"/>
        <source>No second copy is made.</source>
        <translation>Không lưu bản thứ hai.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/backups_tab.py" line="108"/>
        <source>Backup</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/backups_tab.py" line="109"/>
        <source>Backing up the database…</source>
        <translation>Đang sao lưu cơ sở dữ liệu…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/backups_tab.py" line="124"/>
        <source>Second backup folder</source>
        <translation>Thư mục lưu bản thứ hai</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/backups_tab.py" line="135"/>
        <location filename="../antq_desktop/ui/admin/backups_tab.py" line="152"/>
        <location filename="../antq_desktop/ui/admin/backups_tab.py" line="169"/>
        <source>Restore from a backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/backups_tab.py" line="135"/>
        <source>ANTQ backups (*.sqlite3)</source>
        <translation>Bản sao lưu ANTQ (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/backups_tab.py" line="154"/>
        <source>The data now on this computer will be replaced by the backup %1 (a safety copy of the current data is kept first). The next exchange with the upper level sends everything again. The program closes afterwards; open it again. Restore now?</source>
        <translation>Dữ liệu hiện có trên máy sẽ được thay bằng bản sao lưu %1 (trước đó chương trình giữ một bản an toàn của dữ liệu hiện tại). Lần trao đổi tới với cấp trên sẽ gửi lại toàn bộ. Sau đó chương trình tự đóng; hãy mở lại. Khôi phục ngay?</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/backups_tab.py" line="170"/>
        <source>The backup was restored. The program closes now; open it again to go on.</source>
        <translation>Đã khôi phục bản sao lưu. Chương trình sẽ đóng; hãy mở lại để làm tiếp.</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <location filename="../antq_desktop/ui/households/campaign_dialog.py" line="29"/>
        <source>Commitment text for %1</source>
        <translation>Nội dung cam kết năm %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/campaign_dialog.py" line="37"/>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/campaign_dialog.py" line="40"/>
        <source>Items, one per line (numbered when printed):</source>
        <translation>Các nội dung, mỗi dòng một nội dung (được đánh số khi in):</translation>
    </message>
</context>
<context>
    <name>ChartTab</name>
    <message>
        <location filename="../antq_desktop/ui/hub/charts.py" line="103"/>
        <source>Coverage: households signed the commitment (%)</source>
        <translation>Tỷ lệ hộ ký cam kết (%)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/charts.py" line="104"/>
        <source>Activity: meetings this period</source>
        <translation>Hoạt động: số hội nghị trong kỳ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/charts.py" line="105"/>
        <source>Activity: members of groups and models</source>
        <translation>Hoạt động: số người tham gia tổ, mô hình</translation>
    </message>
</context>
<context>
    <name>ComingPage</name>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="58"/>
        <source>Coming in a next version</source>
        <translation>Sẽ có trong phiên bản tới</translation>
    </message>
</context>
<context>
    <name>CommuneDialog</name>
    <message>
        <location filename="../antq_desktop/ui/hub/commune_dialog.py" line="30"/>
        <source>%1 — records (read-only)</source>
        <translation>%1 — dữ liệu (chỉ xem)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/commune_dialog.py" line="45"/>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/commune_dialog.py" line="45"/>
        <source>Head of household</source>
        <translation>Chủ hộ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/commune_dialog.py" line="45"/>
        <location filename="../antq_desktop/ui/hub/commune_dialog.py" line="52"/>
        <source>Village</source>
        <translation>Thôn, tổ dân phố</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/commune_dialog.py" line="45"/>
        <source>Persons</source>
        <translation>Nhân khẩu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/commune_dialog.py" line="46"/>
        <source>Commitment this year</source>
        <translation>Cam kết năm nay</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/commune_dialog.py" line="52"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/commune_dialog.py" line="52"/>
        <location filename="../antq_desktop/ui/hub/commune_dialog.py" line="59"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/commune_dialog.py" line="52"/>
        <source>Founded</source>
        <translation>Ngày thành lập</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/commune_dialog.py" line="52"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/commune_dialog.py" line="53"/>
        <source>Members</source>
        <translation>Thành viên</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/commune_dialog.py" line="59"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/commune_dialog.py" line="59"/>
        <source>Title</source>
        <translation>Tên hội nghị</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/commune_dialog.py" line="59"/>
        <source>Attendance</source>
        <translation>Số người dự</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/commune_dialog.py" line="59"/>
        <source>Opinions</source>
        <translation>Ý kiến</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/commune_dialog.py" line="65"/>
        <source>Decided on</source>
        <translation>Ngày ký</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/commune_dialog.py" line="65"/>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/commune_dialog.py" line="65"/>
        <source>Form</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/commune_dialog.py" line="65"/>
        <source>Level</source>
        <translation>Cấp khen thưởng</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/commune_dialog.py" line="65"/>
        <source>Recipient</source>
        <translation>Người, tập thể được khen</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/commune_dialog.py" line="70"/>
        <source>Households (%1)</source>
        <translation>Hộ gia đình (%1)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/commune_dialog.py" line="71"/>
        <source>Groups (%1)</source>
        <translation>Tổ, mô hình (%1)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/commune_dialog.py" line="72"/>
        <source>Meetings (%1)</source>
        <translation>Hội nghị (%1)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/commune_dialog.py" line="73"/>
        <source>Awards (%1)</source>
        <translation>Khen thưởng (%1)</translation>
    </message>
</context>
<context>
    <name>CommunePage</name>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="178"/>
        <source>Commune, ward or special zone</source>
        <translation>Xã, phường, đặc khu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="179"/>
        <source>Search, e.g. thach lam</source>
        <translation>Tìm kiếm, ví dụ: thach lam</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="189"/>
        <source>Communes of %1</source>
        <translation>Các xã, phường của %1</translation>
    </message>
</context>
<context>
    <name>CommunesTab</name>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="48"/>
        <source>Search a commune by name…</source>
        <translation>Tìm xã theo tên…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="54"/>
        <source>Period of the figures: 2026, 2026-H1, 2026-Q3 or 2026-07</source>
        <translation>Kỳ số liệu: 2026, 2026-H1, 2026-Q3 hoặc 2026-07</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="56"/>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="58"/>
        <source>Open commune…</source>
        <translation>Xem dữ liệu của xã…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="60"/>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="282"/>
        <source>Province report</source>
        <translation>Báo cáo toàn tỉnh</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="64"/>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="107"/>
        <source>Period:</source>
        <translation>Kỳ:</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="78"/>
        <source>Period approval</source>
        <translation>Duyệt kỳ báo cáo</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="85"/>
        <source>Reason (required to reopen)</source>
        <translation>Lý do (bắt buộc khi mở lại)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="87"/>
        <source>Approve and lock</source>
        <translation>Duyệt và khóa kỳ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="89"/>
        <source>Reopen</source>
        <translation>Mở lại kỳ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="106"/>
        <source>Commune:</source>
        <translation>Xã:</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="108"/>
        <source>Reason:</source>
        <translation>Lý do:</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="121"/>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="122"/>
        <source>Commune</source>
        <translation>Xã, phường</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="123"/>
        <source>Paired</source>
        <translation>Đã ghép nối</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="124"/>
        <source>Last bundle</source>
        <translation>Gói gần nhất</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="125"/>
        <source>Received on</source>
        <translation>Nhận lúc</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="126"/>
        <source>Days since</source>
        <translation>Số ngày</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="127"/>
        <source>Unacknowledged</source>
        <translation>Chưa xác nhận</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="128"/>
        <source>Households</source>
        <translation>Số hộ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="129"/>
        <source>Signed %</source>
        <translation>% ký cam kết</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="130"/>
        <source>Groups</source>
        <translation>Tổ, mô hình</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="131"/>
        <source>Members</source>
        <translation>Thành viên</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="132"/>
        <source>Meetings</source>
        <translation>Hội nghị</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="133"/>
        <source>Open opinions</source>
        <translation>Ý kiến chưa trả lời</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="134"/>
        <source>Awards</source>
        <translation>Khen thưởng</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="135"/>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="334"/>
        <source>Approved</source>
        <translation>Đã duyệt</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="142"/>
        <source>Communes</source>
        <translation>Các xã</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="143"/>
        <source>Counting each commune&apos;s records…</source>
        <translation>Đang tính số liệu từng xã…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="154"/>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="154"/>
        <source>no</source>
        <translation>chưa</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="155"/>
        <source>never</source>
        <translation>chưa có</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="176"/>
        <source>changed</source>
        <translation>đã thay đổi</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="188"/>
        <source>No bundle for %1 days or more</source>
        <translation>Đã %1 ngày trở lên chưa nhận gói dữ liệu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="196"/>
        <source>%1: approved %2, now %3</source>
        <translation>%1: đã duyệt %2, hiện nay %3</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="207"/>
        <source>%1 — %2 communes, figures for %3; %4 overdue</source>
        <translation>%1 — %2 xã, số liệu kỳ %3; %4 xã quá hạn gửi</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="282"/>
        <source>Adding up the communes&apos; reports…</source>
        <translation>Đang cộng số liệu báo cáo của các xã…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="284"/>
        <source>Province report %1</source>
        <translation>Báo cáo toàn tỉnh %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="299"/>
        <source>Locked periods: %1</source>
        <translation>Các kỳ đã khóa: %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="304"/>
        <source>No period of this commune is locked.</source>
        <translation>Xã này chưa có kỳ nào bị khóa.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="322"/>
        <source>Approved on %1 by %2: %3 figures now differ from the approved ones (in red).</source>
        <translation>%2 đã phê duyệt ngày %1: hiện có %3 chỉ tiêu khác số liệu đã duyệt (tô đỏ).</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="324"/>
        <source>Approved on %1 by %2: the figures are still the approved ones.</source>
        <translation>%2 đã phê duyệt ngày %1: số liệu vẫn đúng như đã duyệt.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="334"/>
        <source>Indicator</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/communes_tab.py" line="334"/>
        <source>Now</source>
        <translation>Hiện nay</translation>
    </message>
</context>
<context>
    <name>ConflictsTab</name>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="449"/>
        <source>Kind of record</source>
        <translation>Loại dữ liệu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="450"/>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="451"/>
        <source>Kept value</source>
        <translation>Giá trị đang dùng</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="452"/>
        <location filename="../antq_desktop/ui/sync_page.py" line="454"/>
        <source>Changed by, when</source>
        <translation>Nơi sửa, lúc</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="453"/>
        <source>Other value</source>
        <translation>Giá trị kia</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="459"/>
        <source>also those already decided</source>
        <translation>cả những xung đột đã xử lý</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="462"/>
        <source>Keep the kept value</source>
        <translation>Giữ giá trị đang dùng</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="464"/>
        <source>Use the other value</source>
        <translation>Dùng giá trị kia</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="467"/>
        <source>The other value becomes a new change that travels to the peers.</source>
        <translation>Giá trị kia trở thành một thay đổi mới và được gửi đi cho các đơn vị kia.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="495"/>
        <source>%1 conflicts</source>
        <translation>%1 xung đột</translation>
    </message>
</context>
<context>
    <name>CoverageTab</name>
    <message>
        <location filename="../antq_desktop/ui/households/coverage_tab.py" line="45"/>
        <source>Year </source>
        <translation>Năm </translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/coverage_tab.py" line="53"/>
        <source>Village</source>
        <translation>Thôn, tổ dân phố</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/coverage_tab.py" line="54"/>
        <source>Households</source>
        <translation>Số hộ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/coverage_tab.py" line="55"/>
        <source>Signed</source>
        <translation>Đã ký</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/coverage_tab.py" line="56"/>
        <source>Not signed</source>
        <translation>Chưa ký</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/coverage_tab.py" line="57"/>
        <source>Refused</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/coverage_tab.py" line="58"/>
        <source>Away</source>
        <translation>Vắng</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/coverage_tab.py" line="59"/>
        <source>Broken</source>
        <translation>Vi phạm</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/coverage_tab.py" line="60"/>
        <source>Coverage</source>
        <translation>Tỷ lệ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/coverage_tab.py" line="72"/>
        <source>Commitment text…</source>
        <translation>Nội dung cam kết…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/coverage_tab.py" line="74"/>
        <source>Print the village&apos;s forms…</source>
        <translation>In bản cam kết của thôn…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/coverage_tab.py" line="77"/>
        <source>Print the village&apos;s list…</source>
        <translation>In danh sách hộ của thôn…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/coverage_tab.py" line="79"/>
        <source>Print the coverage report…</source>
        <translation>In báo cáo kết quả ký cam kết…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/coverage_tab.py" line="129"/>
        <source>Below the 100 % that TT 124/2021 requires</source>
        <translation>Chưa đạt 100% theo Thông tư 124/2021/TT-BCA</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/coverage_tab.py" line="138"/>
        <source>Commune: %1 of %2 households signed (%3). Villages below 100 %: %4.</source>
        <translation>Toàn xã: %1/%2 hộ đã ký (%3). Thôn, tổ dân phố chưa đạt 100%: %4.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/coverage_tab.py" line="142"/>
        <source>none</source>
        <translation>không có</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/coverage_tab.py" line="181"/>
        <source>Commitment forms</source>
        <translation>Bản cam kết</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/coverage_tab.py" line="182"/>
        <source>Preparing the forms of %1…</source>
        <translation>Đang chuẩn bị bản cam kết của %1…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/coverage_tab.py" line="188"/>
        <source>Commitment forms — %1</source>
        <translation>Bản cam kết — %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/coverage_tab.py" line="200"/>
        <source>Households and commitments</source>
        <translation>Hộ gia đình và cam kết</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/coverage_tab.py" line="201"/>
        <source>Preparing the list of %1…</source>
        <translation>Đang chuẩn bị danh sách %1…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/coverage_tab.py" line="205"/>
        <source>Households and commitments — %1</source>
        <translation>Danh sách hộ ký cam kết — %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/coverage_tab.py" line="213"/>
        <location filename="../antq_desktop/ui/households/coverage_tab.py" line="218"/>
        <source>Commitment coverage report</source>
        <translation>Báo cáo kết quả ký cam kết</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/coverage_tab.py" line="214"/>
        <source>Preparing the report…</source>
        <translation>Đang chuẩn bị báo cáo…</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="74"/>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="385"/>
        <source>Award decision</source>
        <translation>Quyết định khen thưởng</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="112"/>
        <source>e.g. 15</source>
        <translation>ví dụ 15</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="124"/>
        <source>TM. …, KT. … or empty</source>
        <translation>TM. …, KT. … hoặc để trống</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="127"/>
        <source>only for a police signer, e.g. Đại tá</source>
        <translation>chỉ với người ký bên công an, ví dụ Đại tá</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="138"/>
        <source>dated</source>
        <translation>ngày</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="148"/>
        <source>Number / symbol</source>
        <translation>Số / ký hiệu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="149"/>
        <source>Award form</source>
        <translation>Hình thức khen thưởng</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="150"/>
        <source>Level</source>
        <translation>Cấp khen thưởng</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="151"/>
        <source>Awarding authority</source>
        <translation>Cơ quan khen thưởng</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="152"/>
        <source>Signer (prefix, title, rank, name)</source>
        <translation>Người ký (TM./KT., chức vụ, cấp bậc, họ tên)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="153"/>
        <source>Occasion</source>
        <translation>Dịp khen thưởng</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="154"/>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="188"/>
        <source>Achievement</source>
        <translation>Thành tích</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="163"/>
        <source>empty: worded from the decision</source>
        <translation>để trống: lấy theo nội dung quyết định</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="171"/>
        <source>Place (for the date line)</source>
        <translation>Địa danh (dòng ngày tháng)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="172"/>
        <source>Subject</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="173"/>
        <source>Parent authority</source>
        <translation>Cơ quan chủ quản</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="174"/>
        <source>Legal bases (one per line)</source>
        <translation>Căn cứ (mỗi dòng một căn cứ)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="175"/>
        <source>Proposed by</source>
        <translation>Theo đề nghị của</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="176"/>
        <source>Bonus</source>
        <translation>Tiền thưởng</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="177"/>
        <source>Carried out by</source>
        <translation>Cơ quan, cá nhân thi hành</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="178"/>
        <source>Copies to (one per line)</source>
        <translation>Nơi nhận (mỗi dòng một nơi)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="184"/>
        <source>No.</source>
        <translation>TT</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="185"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="186"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="187"/>
        <source>Details</source>
        <translation>Chức vụ, đơn vị, địa chỉ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="189"/>
        <source>Serial</source>
        <translation>Số hiệu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="196"/>
        <source>Add from the register…</source>
        <translation>Thêm người trong sổ…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="199"/>
        <source>Add a collective or an outside person…</source>
        <translation>Thêm tập thể, người ngoài sổ…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="201"/>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="202"/>
        <source>Remove</source>
        <translation>Bỏ khỏi danh sách</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="204"/>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="92"/>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="93"/>
        <source>Recipients</source>
        <translation>Người, tập thể được khen</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="94"/>
        <source>Wording of the paper</source>
        <translation>Nội dung văn bản</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="95"/>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="229"/>
        <source>Issue the decision…</source>
        <translation>Ban hành quyết định…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="231"/>
        <source>Reopen to correct…</source>
        <translation>Mở lại để sửa…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="279"/>
        <source>Draft: certificates print with a “BẢN NHÁP” watermark until it is issued.</source>
        <translation>Dự thảo: giấy khen in ra có chữ “BẢN NHÁP” cho đến khi quyết định được ban hành.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="283"/>
        <source>Issued: the decision and its recipients can no longer change; notes can.</source>
        <translation>Đã ban hành: quyết định và danh sách được khen không sửa được nữa; vẫn ghi chú được.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="343"/>
        <source>(the decision&apos;s)</source>
        <translation>(theo quyết định)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="352"/>
        <source>%1 individuals, %2 collectives</source>
        <translation>%1 cá nhân, %2 tập thể</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="358"/>
        <source>Recipients (%1)</source>
        <translation>Người, tập thể được khen (%1)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="371"/>
        <source>Add a person of the register</source>
        <translation>Thêm người trong sổ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="386"/>
        <source>Add anyway?</source>
        <translation>Vẫn thêm?</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="425"/>
        <source>Remove %1</source>
        <translation>Bỏ %1 khỏi danh sách</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="443"/>
        <source>After issuing, the decision and its recipients cannot be changed and each certificate gets its serial. Issue it now?</source>
        <translation>Sau khi ban hành, quyết định và danh sách được khen không sửa được nữa và mỗi giấy khen được cấp số hiệu. Ban hành ngay?</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="448"/>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="454"/>
        <source>Issue the decision</source>
        <translation>Ban hành quyết định</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="455"/>
        <source>The decision has no legal bases. Issue it anyway?</source>
        <translation>Quyết định chưa có căn cứ pháp lý nào. Vẫn ban hành?</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="471"/>
        <source>Reopen to correct</source>
        <translation>Mở lại để sửa</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="473"/>
        <source>The decision goes back to a draft: its certificates print with the watermark until it is issued again. Reopen it?</source>
        <translation>Quyết định trở lại thành dự thảo: giấy khen in ra sẽ có chữ BẢN NHÁP cho đến khi ban hành lại. Mở lại quyết định?</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decision_dialog.py" line="479"/>
        <source>corrected before printing</source>
        <translation>sửa trước khi in</translation>
    </message>
</context>
<context>
    <name>DecisionsTab</name>
    <message>
        <location filename="../antq_desktop/ui/awards/decisions_tab.py" line="70"/>
        <source>Search numbers, authorities, occasions… (Ctrl+F)</source>
        <translation>Tìm số quyết định, cơ quan, dịp khen… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decisions_tab.py" line="73"/>
        <source>All years</source>
        <translation>Mọi năm</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decisions_tab.py" line="75"/>
        <source>Year </source>
        <translation>Năm </translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decisions_tab.py" line="77"/>
        <source>Drafts and issued</source>
        <translation>Dự thảo và đã ban hành</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decisions_tab.py" line="86"/>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decisions_tab.py" line="87"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decisions_tab.py" line="88"/>
        <source>Form</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decisions_tab.py" line="89"/>
        <source>Occasion</source>
        <translation>Dịp khen thưởng</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decisions_tab.py" line="90"/>
        <source>Recipients</source>
        <translation>Số được khen</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decisions_tab.py" line="91"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decisions_tab.py" line="92"/>
        <source>Printed</source>
        <translation>Đã in</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decisions_tab.py" line="100"/>
        <source>New decision</source>
        <translation>Quyết định mới</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decisions_tab.py" line="101"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decisions_tab.py" line="102"/>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decisions_tab.py" line="103"/>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decisions_tab.py" line="108"/>
        <source>Print certificates…</source>
        <translation>In giấy khen…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decisions_tab.py" line="111"/>
        <source>The decision as a paper…</source>
        <translation>In quyết định…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decisions_tab.py" line="147"/>
        <source>(no number)</source>
        <translation>(chưa có số)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decisions_tab.py" line="159"/>
        <source>%1 decisions</source>
        <translation>%1 quyết định</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decisions_tab.py" line="198"/>
        <source>the decision %1</source>
        <translation>quyết định %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decisions_tab.py" line="200"/>
        <source>Delete %1</source>
        <translation>Xóa %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decisions_tab.py" line="231"/>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decisions_tab.py" line="232"/>
        <source>Drawing the decision…</source>
        <translation>Đang tạo quyết định…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/decisions_tab.py" line="236"/>
        <source>Decision — %1</source>
        <translation>Quyết định — %1</translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message>
        <location filename="../antq_desktop/ui/reports/drill_dialog.py" line="34"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/drill_dialog.py" line="34"/>
        <source>Record</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/drill_dialog.py" line="34"/>
        <source>Village</source>
        <translation>Thôn, tổ dân phố</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/drill_dialog.py" line="34"/>
        <source>Counts for</source>
        <translation>Tính vào số liệu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/drill_dialog.py" line="45"/>
        <source>%1 records</source>
        <translation>%1 bản ghi</translation>
    </message>
</context>
<context>
    <name>EncryptionTab</name>
    <message>
        <location filename="../antq_desktop/ui/encryption_tab.py" line="108"/>
        <source>When encryption is on, ID numbers, ethnicity, poverty status and notes on broken commitments are stored encrypted: someone who takes the computer or a backup cannot read them. Each account opens the key with its password; the printed recovery code opens it if the administrator password is forgotten. A whole ID number is still found by search; part of one is not.</source>
        <translation>Khi bật mã hóa, số định danh, dân tộc, hộ nghèo và ghi chú vi phạm cam kết được lưu ở dạng mã hóa: ai lấy được máy tính hay bản sao lưu cũng không đọc được. Mỗi tài khoản mở khóa bằng mật khẩu của mình; mã khôi phục đã in mở được khóa khi quên mật khẩu quản trị. Vẫn tìm được theo cả số định danh, nhưng không tìm theo một phần của số.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/encryption_tab.py" line="121"/>
        <source>Turn encryption on…</source>
        <translation>Bật mã hóa…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/encryption_tab.py" line="123"/>
        <source>Print a new recovery code…</source>
        <translation>In mã khôi phục mới…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/encryption_tab.py" line="125"/>
        <source>The old code stops working at once.</source>
        <translation>Mã cũ hết hiệu lực ngay.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/encryption_tab.py" line="126"/>
        <source>Turn encryption off…</source>
        <translation>Tắt mã hóa…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/encryption_tab.py" line="141"/>
        <source>Sensitive data is stored without encryption.</source>
        <translation>Dữ liệu nhạy cảm đang lưu dạng thường (chưa mã hóa).</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/encryption_tab.py" line="143"/>
        <source>Sensitive data is encrypted (since %1).</source>
        <translation>Dữ liệu nhạy cảm đã được mã hóa (từ %1).</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/encryption_tab.py" line="146"/>
        <source>Accounts with the key: %1.</source>
        <translation>Tài khoản có khóa: %1.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/encryption_tab.py" line="151"/>
        <source>Without the key (they see *** in sensitive fields until an administrator resets their password): %1.</source>
        <translation>Chưa có khóa (thấy *** ở các trường nhạy cảm cho đến khi quản trị viên đặt lại mật khẩu): %1.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/encryption_tab.py" line="155"/>
        <source>This account has not opened the key.</source>
        <translation>Tài khoản này chưa mở được khóa.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/encryption_tab.py" line="163"/>
        <source>Your administrator password:</source>
        <translation>Mật khẩu quản trị của bạn:</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/encryption_tab.py" line="174"/>
        <location filename="../antq_desktop/ui/encryption_tab.py" line="182"/>
        <source>Turn encryption on</source>
        <translation>Bật mã hóa</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/encryption_tab.py" line="176"/>
        <source>Encrypt the sensitive data now? Accounts made before today get the key when an administrator resets their password. You will be shown a recovery code to print.</source>
        <translation>Mã hóa dữ liệu nhạy cảm ngay bây giờ? Các tài khoản tạo trước hôm nay sẽ có khóa khi quản trị viên đặt lại mật khẩu. Sau đó chương trình hiện mã khôi phục để in.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/encryption_tab.py" line="194"/>
        <source>New recovery code</source>
        <translation>Mã khôi phục mới</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/encryption_tab.py" line="207"/>
        <location filename="../antq_desktop/ui/encryption_tab.py" line="215"/>
        <source>Turn encryption off</source>
        <translation>Tắt mã hóa</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/encryption_tab.py" line="209"/>
        <source>Store the sensitive data without encryption again? Whoever copies this computer or a backup could then read it. The change is recorded in the audit trail.</source>
        <translation>Lưu lại dữ liệu nhạy cảm ở dạng không mã hóa? Khi đó ai sao chép máy này hay một bản sao lưu đều đọc được. Việc này được ghi vào nhật ký.</translation>
    </message>
</context>
<context>
    <name>ExchangeTab</name>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="174"/>
        <source>Station</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="175"/>
        <source>Last sent</source>
        <translation>Gửi lần cuối</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="176"/>
        <source>Last received</source>
        <translation>Nhận lần cuối</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="177"/>
        <source>Days since exchange</source>
        <translation>Số ngày chưa trao đổi</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="178"/>
        <source>Changes not yet acknowledged</source>
        <translation>Thay đổi chưa được xác nhận</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="179"/>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="186"/>
        <source>Export a bundle…</source>
        <translation>Xuất gói dữ liệu…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="189"/>
        <source>Import a bundle…</source>
        <translation>Nhập gói dữ liệu…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="191"/>
        <source>everything (recovery of a broken PC)</source>
        <translation>toàn bộ (khôi phục cho máy bị hỏng)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="192"/>
        <source>Send the peer&apos;s complete data, not only what it has not acknowledged.</source>
        <translation>Gửi toàn bộ dữ liệu của đơn vị kia, không chỉ phần họ chưa xác nhận đã nhận.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="196"/>
        <source>Save this station&apos;s card…</source>
        <translation>Xuất thẻ đơn vị…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="197"/>
        <source>Pair with a station&apos;s card…</source>
        <translation>Nhập thẻ đơn vị để ghép nối…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="198"/>
        <source>Revoke the pairing…</source>
        <translation>Thu hồi ghép nối…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="220"/>
        <source>This station: %1 — fingerprint %2</source>
        <translation>Đơn vị này: %1 — mã nhận dạng %2</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="228"/>
        <source>revoked</source>
        <translation>đã thu hồi</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="230"/>
        <source>audit trail altered</source>
        <translation>nhật ký bị sửa</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="232"/>
        <source>exchange overdue</source>
        <translation>quá hạn trao đổi</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="234"/>
        <source>paired</source>
        <translation>đã ghép nối</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="267"/>
        <source>Save this station&apos;s card</source>
        <translation>Xuất thẻ đơn vị</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="267"/>
        <location filename="../antq_desktop/ui/sync_page.py" line="277"/>
        <source>Site cards (*.json)</source>
        <translation>Thẻ đơn vị (*.json)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="277"/>
        <source>Pair with a station&apos;s card</source>
        <translation>Ghép nối bằng thẻ đơn vị</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="302"/>
        <source>Another province</source>
        <translation>Đơn vị của tỉnh khác</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="303"/>
        <source>%1 belongs to %2, not this station&apos;s province. Pair with it anyway?</source>
        <translation>%1 thuộc %2, khác tỉnh của máy này. Vẫn ghép nối?</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="314"/>
        <source>A station of the same commune</source>
        <translation>Trạm cùng xã</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="316"/>
        <source>%1 is already paired for this commune. Is %2 its new computer, replacing it? The old station&apos;s pairing is then revoked; its records stay the commune&apos;s.</source>
        <translation>%1 đã được ghép nối cho xã này. %2 có phải là máy mới thay cho máy đó không? Nếu đúng, ghép nối của trạm cũ sẽ bị thu hồi; dữ liệu của nó vẫn là của xã.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="339"/>
        <source>Revoke the pairing</source>
        <translation>Thu hồi ghép nối</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="340"/>
        <source>No bundle will be written for %1 or accepted from it any more. Revoke?</source>
        <translation>Từ nay không xuất gói cho %1 và không nhận gói từ %1 nữa. Thu hồi?</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="356"/>
        <location filename="../antq_desktop/ui/sync_page.py" line="365"/>
        <location filename="../antq_desktop/ui/sync_page.py" line="376"/>
        <source>Export a bundle</source>
        <translation>Xuất gói dữ liệu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="356"/>
        <location filename="../antq_desktop/ui/sync_page.py" line="387"/>
        <source>Bundles (*.antq)</source>
        <translation>Gói dữ liệu (*.antq)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="366"/>
        <source>Writing and checking the bundle…</source>
        <translation>Đang ghi và kiểm tra gói dữ liệu…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="377"/>
        <source>Bundle no. %1 for %2 written and checked: %3 records, %4.</source>
        <translation>Gói số %1 gửi %2 đã ghi và kiểm tra: %3 bản ghi, %4.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="387"/>
        <location filename="../antq_desktop/ui/sync_page.py" line="396"/>
        <location filename="../antq_desktop/ui/sync_page.py" line="409"/>
        <location filename="../antq_desktop/ui/sync_page.py" line="422"/>
        <location filename="../antq_desktop/ui/sync_page.py" line="431"/>
        <source>Import a bundle</source>
        <translation>Nhập gói dữ liệu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="397"/>
        <source>Checking the bundle…</source>
        <translation>Đang kiểm tra gói dữ liệu…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="410"/>
        <source>Writing the bundle&apos;s records…</source>
        <translation>Đang ghi dữ liệu của gói…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="423"/>
        <source>Imported: %1 new, %2 changed, %3 conflicts (see the Conflicts tab).</source>
        <translation>Đã nhập: %1 bản ghi mới, %2 thay đổi, %3 xung đột (xem thẻ Xung đột).</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="433"/>
        <source>The records were imported, but the sender&apos;s audit trail was changed after an earlier bundle:</source>
        <translation>Dữ liệu đã được nhập, nhưng nhật ký thao tác của bên gửi đã bị sửa sau một lần gửi trước:</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <location filename="../antq_desktop/ui/groups/group_dialog.py" line="49"/>
        <source>Group</source>
        <translation>Tổ, mô hình</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/group_dialog.py" line="61"/>
        <source>Commune-wide</source>
        <translation>Toàn xã</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/group_dialog.py" line="66"/>
        <source>e.g. 12/QĐ-UBND</source>
        <translation>ví dụ 12/QĐ-UBND</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/group_dialog.py" line="68"/>
        <source>dd/mm/yyyy</source>
        <translation>ngày/tháng/năm</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/group_dialog.py" line="75"/>
        <source>date of merger or dissolution</source>
        <translation>ngày sáp nhập hoặc giải thể</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/group_dialog.py" line="80"/>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/group_dialog.py" line="81"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/group_dialog.py" line="82"/>
        <source>Village</source>
        <translation>Thôn, tổ dân phố</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/group_dialog.py" line="83"/>
        <source>Founding decision</source>
        <translation>Quyết định thành lập</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/group_dialog.py" line="84"/>
        <source>Founded on</source>
        <translation>Ngày thành lập</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/group_dialog.py" line="85"/>
        <source>Managed by</source>
        <translation>Đơn vị quản lý</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/group_dialog.py" line="86"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/group_dialog.py" line="87"/>
        <source>Status date</source>
        <translation>Ngày đổi trạng thái</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/group_dialog.py" line="94"/>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>GroupTypeDialog</name>
    <message>
        <location filename="../antq_desktop/ui/groups/type_dialog.py" line="41"/>
        <source>Kind of group or model</source>
        <translation>Loại tổ, mô hình</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/type_dialog.py" line="52"/>
        <source>Extra figure</source>
        <translation>Thông tin bổ sung</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/type_dialog.py" line="52"/>
        <source>Kind</source>
        <translation>Kiểu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/type_dialog.py" line="57"/>
        <source>Add a figure</source>
        <translation>Thêm thông tin</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/type_dialog.py" line="61"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/type_dialog.py" line="62"/>
        <source>Roles, one per line</source>
        <translation>Chức danh, mỗi dòng một chức danh</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/type_dialog.py" line="69"/>
        <source>A kind that ships with the program: only extra figures can be added.</source>
        <translation>Loại có sẵn trong chương trình: chỉ thêm được thông tin bổ sung.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/type_dialog.py" line="83"/>
        <source>number</source>
        <translation>số</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/type_dialog.py" line="83"/>
        <source>text</source>
        <translation>chữ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/type_dialog.py" line="83"/>
        <source>yes / no</source>
        <translation>có / không</translation>
    </message>
</context>
<context>
    <name>GroupsPage</name>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="96"/>
        <source>Search groups… (Ctrl+F)</source>
        <translation>Tìm tổ, mô hình… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="100"/>
        <source>All villages</source>
        <translation>Tất cả thôn, tổ dân phố</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="101"/>
        <location filename="../antq_desktop/ui/groups/page.py" line="295"/>
        <source>Commune-wide</source>
        <translation>Toàn xã</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="105"/>
        <source>Any status</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="122"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="123"/>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="124"/>
        <source>Village</source>
        <translation>Thôn, tổ dân phố</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="125"/>
        <source>Members</source>
        <translation>Thành viên</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="126"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="127"/>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="136"/>
        <source>New group</source>
        <translation>Thêm tổ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="137"/>
        <source>Edit group</source>
        <translation>Sửa tổ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="138"/>
        <source>Delete group</source>
        <translation>Xóa tổ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="140"/>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="151"/>
        <source>Kinds of groups…</source>
        <translation>Loại tổ, mô hình…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="155"/>
        <source>Print all groups…</source>
        <translation>In danh sách các tổ…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="169"/>
        <source>Show those who left</source>
        <translation>Hiện cả người đã rời tổ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="176"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="177"/>
        <source>Born</source>
        <translation>Sinh</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="178"/>
        <source>Role</source>
        <translation>Chức danh</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="179"/>
        <source>Village / address</source>
        <translation>Thôn / địa chỉ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="180"/>
        <source>Joined</source>
        <translation>Ngày tham gia</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="181"/>
        <source>Left</source>
        <translation>Ngày rời</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="182"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="190"/>
        <source>Add member…</source>
        <translation>Thêm thành viên…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="192"/>
        <source>Edit member…</source>
        <translation>Sửa thành viên…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="193"/>
        <source>Leaves the group…</source>
        <translation>Rời tổ…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="194"/>
        <source>Rejoins</source>
        <translation>Tham gia lại</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="195"/>
        <source>Print roster…</source>
        <translation>In danh sách thành viên…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="197"/>
        <source>Roster to Excel…</source>
        <translation>Xuất danh sách ra Excel…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="256"/>
        <source>All kinds of groups and models</source>
        <translation>Tất cả các loại tổ, mô hình</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="309"/>
        <source>%1 groups</source>
        <translation>%1 tổ, mô hình</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="321"/>
        <source>Select a group to see its roster.</source>
        <translation>Chọn một tổ để xem danh sách thành viên.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="327"/>
        <source>Roster of %1 (%2 current members)</source>
        <translation>Danh sách thành viên %1 (%2 người hiện tại)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="335"/>
        <source> (outside)</source>
        <translation> (ngoài sổ hộ)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="389"/>
        <source>Delete %1</source>
        <translation>Xóa %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="463"/>
        <source>Roster</source>
        <translation>Danh sách tổ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="464"/>
        <source>Preparing the roster…</source>
        <translation>Đang chuẩn bị danh sách tổ…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="468"/>
        <source>Roster — %1</source>
        <translation>Danh sách thành viên — %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="477"/>
        <location filename="../antq_desktop/ui/groups/page.py" line="482"/>
        <source>Groups and their members</source>
        <translation>Danh sách các tổ và thành viên</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="478"/>
        <source>Preparing the list…</source>
        <translation>Đang chuẩn bị danh sách…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="495"/>
        <location filename="../antq_desktop/ui/groups/page.py" line="502"/>
        <source>Roster to Excel</source>
        <translation>Xuất danh sách ra Excel</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="495"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/page.py" line="503"/>
        <source>Writing the roster…</source>
        <translation>Đang ghi danh sách tổ…</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../antq_desktop/ui/about_dialog.py" line="100"/>
        <source>User guide</source>
        <translation>Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/about_dialog.py" line="112"/>
        <source>The user guide is missing from this installation: %1</source>
        <translation>Bản cài đặt này thiếu tệp hướng dẫn sử dụng: %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/about_dialog.py" line="116"/>
        <source>Find in the guide… (Ctrl+F, then Enter for the next)</source>
        <translation>Tìm trong hướng dẫn… (Ctrl+F, Enter để tìm tiếp)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/about_dialog.py" line="146"/>
        <source>Not found</source>
        <translation>Không tìm thấy</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <location filename="../antq_desktop/ui/households/household_dialog.py" line="112"/>
        <source>None</source>
        <translation>Không</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/household_dialog.py" line="117"/>
        <source>Village</source>
        <translation>Thôn, tổ dân phố</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/household_dialog.py" line="118"/>
        <source>Household code</source>
        <translation>Mã hộ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/household_dialog.py" line="119"/>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/household_dialog.py" line="120"/>
        <source>Phone</source>
        <translation>Số điện thoại</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/household_dialog.py" line="121"/>
        <source>Poverty status (sensitive)</source>
        <translation>Hộ nghèo, cận nghèo (dữ liệu nhạy cảm)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/household_dialog.py" line="122"/>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/household_dialog.py" line="130"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/household_dialog.py" line="130"/>
        <source>Relation</source>
        <translation>Quan hệ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/household_dialog.py" line="130"/>
        <source>Born</source>
        <translation>Sinh</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/household_dialog.py" line="130"/>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/household_dialog.py" line="130"/>
        <source>ID number</source>
        <translation>Số định danh</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/household_dialog.py" line="140"/>
        <source>Add person…</source>
        <translation>Thêm người…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/household_dialog.py" line="141"/>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/household_dialog.py" line="142"/>
        <source>Make head</source>
        <translation>Đặt làm chủ hộ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/household_dialog.py" line="143"/>
        <source>Move to another household…</source>
        <translation>Chuyển sang hộ khác…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/household_dialog.py" line="144"/>
        <source>Split off…</source>
        <translation>Tách hộ…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/household_dialog.py" line="145"/>
        <location filename="../antq_desktop/ui/households/household_dialog.py" line="372"/>
        <source>Remove person</source>
        <translation>Xóa nhân khẩu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/household_dialog.py" line="163"/>
        <source>dd/mm/yyyy</source>
        <translation>ngày/tháng/năm</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/household_dialog.py" line="167"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/household_dialog.py" line="168"/>
        <source>Signed on</source>
        <translation>Ngày ký</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/household_dialog.py" line="169"/>
        <source>Signed by</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/household_dialog.py" line="170"/>
        <source>Paper form number</source>
        <translation>Số bản cam kết giấy</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/household_dialog.py" line="171"/>
        <source>Breach (date and note)</source>
        <translation>Vi phạm (ngày và nội dung)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/household_dialog.py" line="79"/>
        <source>Members</source>
        <translation>Nhân khẩu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/household_dialog.py" line="80"/>
        <source>Commitment %1</source>
        <translation>Cam kết %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/household_dialog.py" line="81"/>
        <source>History</source>
        <translation>Lịch sử</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/household_dialog.py" line="184"/>
        <source>New household</source>
        <translation>Hộ mới</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/household_dialog.py" line="212"/>
        <source>Household %1 — %2</source>
        <translation>Hộ %1 — %2</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/household_dialog.py" line="373"/>
        <source>Remove %1 from the register? You can restore it from the history.</source>
        <translation>Xóa %1 khỏi sổ? Có thể khôi phục lại sau.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/household_dialog.py" line="386"/>
        <source>Move %1 to household…</source>
        <translation>Chuyển %1 sang hộ…</translation>
    </message>
</context>
<context>
    <name>HouseholdPicker</name>
    <message>
        <location filename="../antq_desktop/ui/households/household_picker.py" line="37"/>
        <source>Type a name, ID number, code or address…</source>
        <translation>Gõ tên, số định danh, mã hộ hoặc địa chỉ…</translation>
    </message>
</context>
<context>
    <name>HouseholdSearchTab</name>
    <message>
        <location filename="../antq_desktop/ui/hub/household_search.py" line="54"/>
        <source>Search households of every commune: head of household, code, address or phone…</source>
        <translation>Tìm hộ ở mọi xã: chủ hộ, mã hộ, địa chỉ hoặc số điện thoại…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/household_search.py" line="63"/>
        <source>Open in its commune…</source>
        <translation>Mở trong dữ liệu của xã…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/household_search.py" line="82"/>
        <source>Commune</source>
        <translation>Xã, phường</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/household_search.py" line="83"/>
        <source>Village</source>
        <translation>Thôn, tổ dân phố</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/household_search.py" line="84"/>
        <source>Head of household</source>
        <translation>Chủ hộ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/household_search.py" line="85"/>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/household_search.py" line="86"/>
        <source>Code</source>
        <translation>Mã hộ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/household_search.py" line="90"/>
        <source>Type at least two letters or digits.</source>
        <translation>Gõ ít nhất hai chữ hoặc hai số.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/household_search.py" line="125"/>
        <source>No household matches.</source>
        <translation>Không có hộ nào khớp.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/household_search.py" line="128"/>
        <source>The first %1 households by code: type more to narrow the search.</source>
        <translation>%1 hộ đầu tiên theo mã hộ: gõ thêm để thu hẹp kết quả.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/household_search.py" line="133"/>
        <source>%1 households found.</source>
        <translation>Tìm thấy %1 hộ.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/household_search.py" line="152"/>
        <source>This household&apos;s commune is not among the hub&apos;s communes.</source>
        <translation>Xã của hộ này không nằm trong danh sách các xã của máy tổng hợp.</translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <location filename="../antq_desktop/ui/household_model.py" line="130"/>
        <source>Code</source>
        <translation>Mã hộ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/household_model.py" line="131"/>
        <source>Village</source>
        <translation>Thôn, tổ dân phố</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/household_model.py" line="132"/>
        <source>Head of household</source>
        <translation>Chủ hộ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/household_model.py" line="133"/>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/household_model.py" line="134"/>
        <source>Phone</source>
        <translation>Số điện thoại</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/household_model.py" line="135"/>
        <source>Members</source>
        <translation>Số nhân khẩu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/household_model.py" line="136"/>
        <source>Commitment %1</source>
        <translation>Cam kết %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/household_model.py" line="137"/>
        <source>Poverty status</source>
        <translation>Hộ nghèo, cận nghèo</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/household_model.py" line="151"/>
        <source>(no head)</source>
        <translation>(chưa có chủ hộ)</translation>
    </message>
</context>
<context>
    <name>HouseholdsArea</name>
    <message>
        <location filename="../antq_desktop/ui/households/area.py" line="25"/>
        <source>Register</source>
        <translation>Sổ hộ gia đình</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/area.py" line="26"/>
        <source>Commitments and coverage</source>
        <translation>Cam kết và tỷ lệ ký</translation>
    </message>
</context>
<context>
    <name>HubArea</name>
    <message>
        <location filename="../antq_desktop/ui/hub/area.py" line="28"/>
        <source>Communes</source>
        <translation>Các xã</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/area.py" line="29"/>
        <source>Charts</source>
        <translation>Biểu đồ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/hub/area.py" line="30"/>
        <source>Household search</source>
        <translation>Tìm hộ</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="67"/>
        <source>Import households from %1</source>
        <translation>Nhập danh sách hộ từ %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="74"/>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="76"/>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="80"/>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="102"/>
        <source>empty</source>
        <translation>trống</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="102"/>
        <source>no header found</source>
        <translation>không thấy dòng tiêu đề</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="107"/>
        <source>(from the sheet&apos;s title)</source>
        <translation>(lấy từ tiêu đề trang)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="113"/>
        <source>Field</source>
        <translation>Thông tin</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="113"/>
        <source>Column in the sheet</source>
        <translation>Cột trong trang tính</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="119"/>
        <location filename="../antq_desktop/ui/import_dialog.py" line="185"/>
        <source>Sheet</source>
        <translation>Trang tính</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="120"/>
        <source>Commitment year</source>
        <translation>Năm cam kết</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="121"/>
        <source>Convert cells typed in old fonts (TCVN3, VNI) to Unicode</source>
        <translation>Chuyển các ô gõ phông cũ (TCVN3, VNI) sang Unicode</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="141"/>
        <source>Header found on row %1; data from row %2. Check each field&apos;s column:</source>
        <translation>Dòng tiêu đề ở dòng %1; dữ liệu từ dòng %2. Hãy kiểm tra cột của từng thông tin:</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="146"/>
        <source>This sheet has no recognisable header and will be skipped.</source>
        <translation>Trang này không có dòng tiêu đề nhận ra được, sẽ được bỏ qua.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="155"/>
        <source>(not in this sheet)</source>
        <translation>(không có trong trang này)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="185"/>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="185"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="185"/>
        <source>What to do</source>
        <translation>Cần làm gì</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="191"/>
        <source>Import the good rows and leave out the rows with errors</source>
        <translation>Nhập các dòng đúng, bỏ qua các dòng có lỗi</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="197"/>
        <source>Villages in the file that the unit does not have: choose one of the unit&apos;s, or create it.</source>
        <translation>Các thôn/tổ trong tệp mà đơn vị chưa có: hãy chọn một thôn có sẵn hoặc tạo mới.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="204"/>
        <source>In the file</source>
        <translation>Trong tệp</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="204"/>
        <source>Households</source>
        <translation>Số hộ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="204"/>
        <source>Village in the unit</source>
        <translation>Thôn/tổ của đơn vị</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="209"/>
        <source>Create all</source>
        <translation>Tạo mới tất cả</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="212"/>
        <source>Check again with these villages</source>
        <translation>Kiểm tra lại với các thôn đã chọn</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="219"/>
        <source>Save an error file…</source>
        <translation>Lưu tệp báo lỗi…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="258"/>
        <source>Checking the list</source>
        <translation>Đang kiểm tra danh sách</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="259"/>
        <source>Reading every row…</source>
        <translation>Đang đọc từng dòng…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="275"/>
        <source>%1 rows read. Households: %2 new, %3 updated. Persons: %4 new, %5 updated. Commitments: %6. Errors: %7 (in %8 rows). Warnings: %9.</source>
        <translation>Đã đọc %1 dòng. Hộ: %2 mới, %3 cập nhật. Nhân khẩu: %4 mới, %5 cập nhật. Cam kết: %6. Lỗi: %7 (ở %8 dòng). Cảnh báo: %9.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="292"/>
        <source>Error</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="292"/>
        <source>Warning</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="319"/>
        <source>(choose)</source>
        <translation>(chọn)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="320"/>
        <source>Create: %1</source>
        <translation>Tạo mới: %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="351"/>
        <location filename="../antq_desktop/ui/import_dialog.py" line="358"/>
        <source>Save an error file</source>
        <translation>Lưu tệp báo lỗi</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="351"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="359"/>
        <source>Writing the error file…</source>
        <translation>Đang ghi tệp lỗi…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="366"/>
        <source>Error file saved: %1. Fix the marked rows in Excel, then import it again.</source>
        <translation>Đã lưu tệp báo lỗi: %1. Hãy sửa các dòng được đánh dấu bằng Excel rồi nhập lại.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="385"/>
        <source>Importing</source>
        <translation>Đang nhập</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="386"/>
        <source>Writing the households…</source>
        <translation>Đang ghi các hộ…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="392"/>
        <source>Cancelled: nothing was written.</source>
        <translation>Đã hủy: không có gì được ghi.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/import_dialog.py" line="401"/>
        <source>Imported: %1 new households, %2 updated; %3 new persons.</source>
        <translation>Đã nhập: %1 hộ mới, %2 hộ cập nhật; %3 nhân khẩu mới.</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="99"/>
        <source>Import a bundle — check before writing</source>
        <translation>Nhập gói dữ liệu — xem trước khi ghi</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="102"/>
        <source>Bundle no. %1 from %2, made %3 (%4).</source>
        <translation>Gói số %1 của %2, tạo lúc %3 (%4).</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="113"/>
        <source>The sender restored a backup: everything is sent again and merged.</source>
        <translation>Bên gửi vừa khôi phục bản sao lưu: toàn bộ dữ liệu được gửi lại và hợp nhất.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="120"/>
        <source>Kind of record</source>
        <translation>Loại dữ liệu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="121"/>
        <source>New</source>
        <translation>Mới</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="122"/>
        <source>Changed</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="123"/>
        <source>Unchanged</source>
        <translation>Không đổi</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="124"/>
        <source>Conflicts</source>
        <translation>Xung đột</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="136"/>
        <source>Total</source>
        <translation>Tổng cộng</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="150"/>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
</context>
<context>
    <name>InputsTab</name>
    <message>
        <location filename="../antq_desktop/ui/reports/inputs_tab.py" line="66"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/inputs_tab.py" line="85"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/inputs_tab.py" line="120"/>
        <source>Indicator</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/inputs_tab.py" line="121"/>
        <source>Unit</source>
        <translation>Đơn vị tính</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/inputs_tab.py" line="122"/>
        <source>Figure</source>
        <translation>Số liệu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/inputs_tab.py" line="123"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/inputs_tab.py" line="124"/>
        <source>Last changed</source>
        <translation>Sửa lần cuối</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/inputs_tab.py" line="132"/>
        <source>Type the figures in the Figure column; leave a figure empty to count it as 0.</source>
        <translation>Nhập số liệu vào cột Số liệu; chỉ tiêu để trống được tính là 0.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/inputs_tab.py" line="166"/>
        <source>from %1 to %2</source>
        <translation>từ %1 đến %2</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/inputs_tab.py" line="241"/>
        <source>Written by %1.</source>
        <translation>Người viết: %1.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/inputs_tab.py" line="245"/>
        <source>The template text: replace the dots with what happened, then save.</source>
        <translation>Đây là đoạn văn mẫu: hãy thay các dấu chấm bằng nội dung thực tế rồi bấm Lưu.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/inputs_tab.py" line="280"/>
        <source>This report has no figure typed by hand and no narrative.</source>
        <translation>Mẫu báo cáo này không có chỉ tiêu nhập tay và không có phần nhận xét.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/inputs_tab.py" line="283"/>
        <source>Figures not typed count as 0. Empty narrative sections print the template text.</source>
        <translation>Chỉ tiêu chưa nhập được tính là 0. Phần nhận xét để trống sẽ in đoạn văn mẫu.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/inputs_tab.py" line="320"/>
        <source>Nothing changed.</source>
        <translation>Không có gì thay đổi.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/inputs_tab.py" line="336"/>
        <source>Saved %1 change(s) for the period %2.</source>
        <translation>Đã lưu %1 thay đổi của kỳ %2.</translation>
    </message>
</context>
<context>
    <name>IntroPage</name>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="123"/>
        <source>Welcome to ANTQ Desktop</source>
        <translation>Chào mừng đến với ANTQ Desktop</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="125"/>
        <source>The records of the movement for the whole people to protect national security.</source>
        <translation>Quản lý hồ sơ phong trào Toàn dân bảo vệ an ninh Tổ quốc.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="127"/>
        <source>Set up my unit (choose the province and commune)</source>
        <translation>Thiết lập đơn vị của tôi (chọn tỉnh và xã)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="129"/>
        <source>Set up the upper level&apos;s hub (province police): see the communes&apos; bundles side by side</source>
        <translation>Thiết lập máy tổng hợp của cấp trên (Công an tỉnh): xem dữ liệu các xã gửi lên</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="132"/>
        <source>Try it with demo data</source>
        <translation>Dùng thử với dữ liệu mẫu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="136"/>
        <source>Demo data creates a sample commune with about 1,500 households, groups, meetings and awards. Use a separate data folder for real work.</source>
        <translation>Dữ liệu mẫu tạo một xã mẫu với khoảng 1.500 hộ, các tổ, hội nghị và khen thưởng. Khi làm việc thật, hãy dùng một thư mục dữ liệu khác.</translation>
    </message>
</context>
<context>
    <name>LeaveDialog</name>
    <message>
        <location filename="../antq_desktop/ui/groups/leave_dialog.py" line="24"/>
        <source>%1 leaves the group</source>
        <translation>%1 rời tổ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/leave_dialog.py" line="29"/>
        <source>e.g. moved away, health, age</source>
        <translation>ví dụ: chuyển đi, sức khỏe, tuổi cao</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/leave_dialog.py" line="31"/>
        <source>Left on</source>
        <translation>Ngày rời tổ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/leave_dialog.py" line="32"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../antq_desktop/ui/login_dialog.py" line="52"/>
        <source>Screen locked</source>
        <translation>Màn hình đã khóa</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/login_dialog.py" line="52"/>
        <location filename="../antq_desktop/ui/login_dialog.py" line="80"/>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/login_dialog.py" line="58"/>
        <source>The screen was locked. Type the password of %1 to go on where you left off.</source>
        <translation>Màn hình đã khóa. Nhập mật khẩu của %1 để làm tiếp đúng chỗ đang dừng.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/login_dialog.py" line="62"/>
        <source>Sign in with your account.</source>
        <translation>Đăng nhập bằng tài khoản của đồng chí.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/login_dialog.py" line="76"/>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/login_dialog.py" line="77"/>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/login_dialog.py" line="80"/>
        <source>Unlock</source>
        <translation>Mở khóa</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/login_dialog.py" line="82"/>
        <source>Quit the program</source>
        <translation>Thoát chương trình</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="163"/>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="271"/>
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="274"/>
        <source>Households &amp; commitments</source>
        <translation>Hộ gia đình &amp; Cam kết</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="276"/>
        <source>The household register by village, persons, and each year&apos;s commitment: who signed, who refused, who broke it; coverage per village and printable commitment forms.</source>
        <translation>Sổ hộ gia đình theo thôn, nhân khẩu và cam kết hằng năm: hộ đã ký, hộ từ chối, hộ vi phạm; tỷ lệ ký theo thôn và in mẫu bản cam kết.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="282"/>
        <source>Groups &amp; models</source>
        <translation>Tổ tự quản &amp; Mô hình</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="284"/>
        <source>Self-managed groups, grassroots security teams, mediation groups, fire-safety groups and camera models, with their rosters and the history of who joined and left.</source>
        <translation>Tổ tự quản, tổ bảo vệ ANTT ở cơ sở, tổ hòa giải, tổ liên gia an toàn PCCC, mô hình camera an ninh, cùng danh sách thành viên và lịch sử tham gia, thôi tham gia.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="290"/>
        <source>Meetings &amp; minutes</source>
        <translation>Hội nghị &amp; Biên bản</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="292"/>
        <source>Meetings with attendance and minutes in the official layout, and every opinion raised, followed until it is answered.</source>
        <translation>Hội nghị, thành phần tham dự và biên bản theo thể thức văn bản; theo dõi từng ý kiến của Nhân dân đến khi được trả lời.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="298"/>
        <source>Awards</source>
        <translation>Khen thưởng</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="300"/>
        <source>Award decisions and their recipients, certificates printed on full pages or on blanks, with a verification code and a register of what was printed.</source>
        <translation>Quyết định khen thưởng và người được khen; in Giấy khen, Bằng khen trên giấy trắng hoặc lên phôi, có mã xác thực và sổ theo dõi in.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="306"/>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="307"/>
        <source>Statistics reports for the upper level, computed from the records.</source>
        <translation>Báo cáo thống kê gửi cấp trên, tính từ dữ liệu đã nhập.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="311"/>
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="313"/>
        <source>Signed, encrypted bundle files exchanged with the upper level on a USB stick or by e-mail.</source>
        <translation>Trao đổi gói dữ liệu đã ký và mã hóa với cấp trên qua USB hoặc thư điện tử.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="318"/>
        <source>Administration</source>
        <translation>Quản trị</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="319"/>
        <source>Accounts and roles, the audit trail, backups and restore.</source>
        <translation>Tài khoản và phân quyền, nhật ký thao tác, sao lưu và khôi phục.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="326"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="327"/>
        <source>&amp;Back up now</source>
        <translation>&amp;Sao lưu ngay</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="332"/>
        <source>&amp;Lock the screen</source>
        <translation>&amp;Khóa màn hình</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="337"/>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="342"/>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="350"/>
        <source>&amp;Find in this area</source>
        <translation>&amp;Tìm trong mục này</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="354"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Làm mới</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="360"/>
        <source>&amp;Settings</source>
        <translation>&amp;Cài đặt</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="361"/>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="371"/>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="372"/>
        <source>&amp;User guide</source>
        <translation>&amp;Hướng dẫn sử dụng</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="376"/>
        <source>&amp;About ANTQ Desktop</source>
        <translation>&amp;Giới thiệu ANTQ Desktop</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="386"/>
        <source>Administrator</source>
        <translation>Quản trị</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="387"/>
        <source>Officer</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="388"/>
        <source>Read only</source>
        <translation>Chỉ xem</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="392"/>
        <source>User: %1</source>
        <translation>Người dùng: %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="398"/>
        <source>Sensitive fields show *** and cannot be changed: this account has no key to the encrypted data yet. An administrator resetting your password gives you one.</source>
        <translation>Các ô nhạy cảm hiện *** và không sửa được: tài khoản này chưa có khóa mở dữ liệu đã mã hóa. Quản trị viên đặt lại mật khẩu cho bạn thì sẽ có khóa.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="402"/>
        <source>Data: %1</source>
        <translation>Dữ liệu: %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="416"/>
        <source>Last backup: never</source>
        <translation>Sao lưu gần nhất: chưa có</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="419"/>
        <source>Last backup: %1</source>
        <translation>Sao lưu gần nhất: %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="444"/>
        <source>This screen has no search field.</source>
        <translation>Màn hình này không có ô tìm kiếm.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="471"/>
        <source>Backup</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="472"/>
        <source>Backing up the database…</source>
        <translation>Đang sao lưu cơ sở dữ liệu…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="480"/>
        <source>Backed up and verified: %1</source>
        <translation>Đã sao lưu và kiểm tra: %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="486"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="487"/>
        <source>The new language is used from the next start of the program.</source>
        <translation>Ngôn ngữ mới được dùng từ lần mở chương trình sau.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="579"/>
        <source>Automatic backup failed: %1</source>
        <translation>Tự động sao lưu không thành công: %1</translation>
    </message>
</context>
<context>
    <name>MedalFactsDialog</name>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_facts_dialog.py" line="44"/>
        <source>Medal: leader post and exclusion — %1</source>
        <translation>Kỷ niệm chương: chức vụ lãnh đạo và trường hợp không xét tặng — %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_facts_dialog.py" line="54"/>
        <source>empty: not a leader (team member&apos;s rule)</source>
        <translation>để trống: không phải lãnh đạo (xét theo thành viên tổ)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_facts_dialog.py" line="59"/>
        <source>Empty while the person still holds the post.</source>
        <translation>Để trống khi người này vẫn đang giữ chức vụ.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_facts_dialog.py" line="60"/>
        <source>A complicated social-evil hotspot in the area they lead</source>
        <translation>Địa bàn phụ trách còn điểm tệ nạn xã hội phức tạp</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_facts_dialog.py" line="63"/>
        <source>Leader post (the leaders&apos; rule: 10 years in the post)</source>
        <translation>Chức vụ lãnh đạo (người lãnh đạo cần đủ 10 năm giữ chức vụ)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_facts_dialog.py" line="65"/>
        <source>Post</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_facts_dialog.py" line="66"/>
        <source>Held since</source>
        <translation>Giữ chức vụ từ ngày</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_facts_dialog.py" line="67"/>
        <source>Left the post on</source>
        <translation>Thôi giữ chức vụ ngày</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_facts_dialog.py" line="72"/>
        <source>None</source>
        <translation>Không có</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_facts_dialog.py" line="78"/>
        <source>the decision, judgment or case it rests on</source>
        <translation>quyết định, bản án hoặc vụ việc làm căn cứ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_facts_dialog.py" line="79"/>
        <source>Exclusion (Circular 20/2025)</source>
        <translation>Trường hợp không xét tặng (Thông tư 20/2025/TT-BCA)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_facts_dialog.py" line="81"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_facts_dialog.py" line="82"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_facts_dialog.py" line="84"/>
        <source>Kept with the person&apos;s record and sent up with the next bundle.</source>
        <translation>Được lưu cùng hồ sơ của người này và gửi lên cấp trên trong gói dữ liệu tiếp theo.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_facts_dialog.py" line="86"/>
        <source>Clear all</source>
        <translation>Xóa hết</translation>
    </message>
</context>
<context>
    <name>MedalTab</name>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_tab.py" line="39"/>
        <source> years</source>
        <translation> năm</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_tab.py" line="40"/>
        <source>also those within </source>
        <translation>kể cả người còn thiếu dưới </translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_tab.py" line="42"/>
        <source>Threshold: %1 years for men, %2 years for women (settings).</source>
        <translation>Ngưỡng: nam %1 năm, nữ %2 năm (trong phần cài đặt).</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_tab.py" line="51"/>
        <source>Name</source>
        <translation>Họ tên</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_tab.py" line="52"/>
        <source>Born</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_tab.py" line="53"/>
        <source>Village</source>
        <translation>Thôn, tổ dân phố</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_tab.py" line="54"/>
        <source>Years (weighted)</source>
        <translation>Số năm (đã quy đổi)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_tab.py" line="55"/>
        <source>Needed</source>
        <translation>Cần</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_tab.py" line="56"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_tab.py" line="63"/>
        <source>Leader post or exclusion…</source>
        <translation>Chức vụ lãnh đạo hoặc không xét tặng…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_tab.py" line="66"/>
        <source>Record or clear the selected person&apos;s leader post or exclusion.</source>
        <translation>Ghi hoặc xóa chức vụ lãnh đạo, trường hợp không xét tặng của người đang chọn.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_tab.py" line="69"/>
        <source>For another person…</source>
        <translation>Cho người khác…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_tab.py" line="72"/>
        <source>A leader not on the list yet: choose the person from the register.</source>
        <translation>Người lãnh đạo chưa có trong danh sách: chọn người trong sổ.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_tab.py" line="90"/>
        <source>eligible</source>
        <translation>Đủ điều kiện</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_tab.py" line="92"/>
        <source>excluded</source>
        <translation>Không xét tặng</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_tab.py" line="93"/>
        <source>postponed</source>
        <translation>Tạm hoãn xét</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_tab.py" line="94"/>
        <source>already awarded</source>
        <translation>Đã được tặng</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_tab.py" line="116"/>
        <source>%1 people eligible for the medal</source>
        <translation>%1 người đủ điều kiện xét tặng kỷ niệm chương</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_tab.py" line="129"/>
        <source>Choose a person</source>
        <translation>Chọn người</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_tab.py" line="57"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/medal_tab.py" line="91"/>
        <source>not yet</source>
        <translation>Chưa đủ điều kiện</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="146"/>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="146"/>
        <source>Speaker</source>
        <translation>Người phát biểu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="146"/>
        <source>Opinion</source>
        <translation>Ý kiến</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="146"/>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="146"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="157"/>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="158"/>
        <source>Title</source>
        <translation>Tên hội nghị</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="161"/>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="163"/>
        <source>Time</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="164"/>
        <source>Place</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="165"/>
        <source>Villages (none ticked: the whole commune)</source>
        <translation>Thôn, tổ dân phố (không chọn: toàn xã)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="166"/>
        <source>Organisers</source>
        <translation>Đơn vị tổ chức</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="167"/>
        <source>Chair</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="168"/>
        <source>Secretary</source>
        <translation>Thư ký</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="169"/>
        <source>Guests</source>
        <translation>Khách mời</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="174"/>
        <source>Attending</source>
        <translation>Số người dự</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="175"/>
        <source>delegates</source>
        <translation>đại biểu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="176"/>
        <source>residents</source>
        <translation>nhân dân</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="177"/>
        <source>women</source>
        <translation>nữ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="178"/>
        <source>survey sheets</source>
        <translation>phiếu khảo sát</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="186"/>
        <source>Numbers</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="67"/>
        <source>Agenda</source>
        <translation>Chương trình</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="68"/>
        <source>What was presented</source>
        <translation>Nội dung báo cáo, trình bày</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="69"/>
        <source>Conclusions</source>
        <translation>Kết luận</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="195"/>
        <source>Add opinion…</source>
        <translation>Thêm ý kiến…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="196"/>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="197"/>
        <source>Remove</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="72"/>
        <source>Meeting</source>
        <translation>Hội nghị</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="73"/>
        <source>Content</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="74"/>
        <source>Opinions</source>
        <translation>Ý kiến</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="220"/>
        <source>New meeting</source>
        <translation>Hội nghị mới</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="229"/>
        <source>Unsaved minutes</source>
        <translation>Biên bản chưa lưu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="230"/>
        <source>Minutes left unsaved from an earlier session were found. Continue with them?</source>
        <translation>Có biên bản chưa lưu từ lần trước. Tiếp tục với biên bản đó?</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="234"/>
        <source>Continuing the unsaved minutes.</source>
        <translation>Đang tiếp tục biên bản chưa lưu.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="336"/>
        <source>Opinions (%1)</source>
        <translation>Ý kiến (%1)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="358"/>
        <source>the opinion of %1</source>
        <translation>ý kiến của %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meeting_dialog.py" line="373"/>
        <source>Draft kept at %1.</source>
        <translation>Đã lưu nháp lúc %1.</translation>
    </message>
</context>
<context>
    <name>MeetingsArea</name>
    <message>
        <location filename="../antq_desktop/ui/meetings/area.py" line="22"/>
        <source>Meetings</source>
        <translation>Hội nghị</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/area.py" line="23"/>
        <source>Opinion tracker</source>
        <translation>Theo dõi ý kiến</translation>
    </message>
</context>
<context>
    <name>MeetingsTab</name>
    <message>
        <location filename="../antq_desktop/ui/meetings/meetings_tab.py" line="64"/>
        <source>Year </source>
        <translation>Năm </translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meetings_tab.py" line="66"/>
        <source>All kinds of meetings</source>
        <translation>Mọi loại hội nghị</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meetings_tab.py" line="71"/>
        <source>Search titles, places… (Ctrl+F)</source>
        <translation>Tìm theo tên, địa điểm… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meetings_tab.py" line="78"/>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meetings_tab.py" line="79"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meetings_tab.py" line="80"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meetings_tab.py" line="81"/>
        <source>Title</source>
        <translation>Tên hội nghị</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meetings_tab.py" line="82"/>
        <source>Area</source>
        <translation>Địa bàn</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meetings_tab.py" line="83"/>
        <source>Attending</source>
        <translation>Số người dự</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meetings_tab.py" line="84"/>
        <source>Opinions (open)</source>
        <translation>Ý kiến (đang mở)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meetings_tab.py" line="92"/>
        <source>New meeting</source>
        <translation>Thêm hội nghị</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meetings_tab.py" line="93"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meetings_tab.py" line="94"/>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meetings_tab.py" line="95"/>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meetings_tab.py" line="99"/>
        <source>Print the minutes…</source>
        <translation>In biên bản…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meetings_tab.py" line="101"/>
        <source>Minutes as a Word file…</source>
        <translation>Xuất biên bản ra Word…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meetings_tab.py" line="151"/>
        <source>%1 meetings</source>
        <translation>%1 hội nghị</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meetings_tab.py" line="180"/>
        <source>Delete %1</source>
        <translation>Xóa %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meetings_tab.py" line="193"/>
        <source>Minutes</source>
        <translation>Biên bản</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meetings_tab.py" line="194"/>
        <source>Drawing the minutes…</source>
        <translation>Đang tạo biên bản…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meetings_tab.py" line="200"/>
        <source>Minutes — %1</source>
        <translation>Biên bản — %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meetings_tab.py" line="216"/>
        <location filename="../antq_desktop/ui/meetings/meetings_tab.py" line="223"/>
        <source>Minutes as a Word file</source>
        <translation>Biên bản dạng Word</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meetings_tab.py" line="216"/>
        <source>Word documents (*.docx)</source>
        <translation>Tệp Word (*.docx)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/meetings_tab.py" line="224"/>
        <source>Writing the minutes…</source>
        <translation>Đang ghi biên bản…</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../antq_desktop/ui/groups/member_dialog.py" line="54"/>
        <source>Member of %1</source>
        <translation>Thành viên %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/member_dialog.py" line="75"/>
        <source>A person of the register</source>
        <translation>Người có trong sổ hộ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/member_dialog.py" line="76"/>
        <source>Someone outside the register</source>
        <translation>Người ngoài sổ hộ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/member_dialog.py" line="86"/>
        <source>Type a name or an ID number…</source>
        <translation>Gõ tên hoặc số định danh…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/member_dialog.py" line="95"/>
        <source>dd/mm/yyyy, or only the year</source>
        <translation>ngày/tháng/năm, hoặc chỉ năm sinh</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/member_dialog.py" line="104"/>
        <source>dd/mm/yyyy</source>
        <translation>ngày/tháng/năm</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/member_dialog.py" line="112"/>
        <source>living in the commune since (dd/mm/yyyy)</source>
        <translation>cư trú tại xã từ ngày (ngày/tháng/năm)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/member_dialog.py" line="132"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/member_dialog.py" line="133"/>
        <source>Date or year of birth</source>
        <translation>Ngày hoặc năm sinh</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/member_dialog.py" line="134"/>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/member_dialog.py" line="137"/>
        <source>Role</source>
        <translation>Chức danh</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/member_dialog.py" line="138"/>
        <source>Joined on</source>
        <translation>Ngày tham gia</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/member_dialog.py" line="139"/>
        <source>Education</source>
        <translation>Trình độ học vấn</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/member_dialog.py" line="140"/>
        <source>Resident since</source>
        <translation>Cư trú từ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/member_dialog.py" line="141"/>
        <source>Recognition decision</source>
        <translation>Quyết định công nhận</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/groups/member_dialog.py" line="142"/>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>OpinionDialog</name>
    <message>
        <location filename="../antq_desktop/ui/meetings/opinion_dialog.py" line="43"/>
        <location filename="../antq_desktop/ui/meetings/opinion_dialog.py" line="75"/>
        <source>Opinion</source>
        <translation>Ý kiến</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/opinion_dialog.py" line="47"/>
        <source>Name of the person who spoke</source>
        <translation>Họ tên người phát biểu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/opinion_dialog.py" line="49"/>
        <source>From the register…</source>
        <translation>Chọn từ sổ hộ…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/opinion_dialog.py" line="57"/>
        <source>Answered at the meeting</source>
        <translation>Đã trả lời tại hội nghị</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/opinion_dialog.py" line="60"/>
        <source>forwarded to (when beyond the meeting&apos;s authority)</source>
        <translation>chuyển đến (khi vượt thẩm quyền của hội nghị)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/opinion_dialog.py" line="74"/>
        <source>Speaker</source>
        <translation>Người phát biểu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/opinion_dialog.py" line="76"/>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/opinion_dialog.py" line="78"/>
        <source>Forwarded to</source>
        <translation>Chuyển đến</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/opinion_dialog.py" line="79"/>
        <source>Answer due</source>
        <translation>Hạn trả lời</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/opinion_dialog.py" line="80"/>
        <source>Answer</source>
        <translation>Nội dung trả lời</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/opinion_dialog.py" line="81"/>
        <source>Answered on</source>
        <translation>Ngày trả lời</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/opinion_dialog.py" line="82"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/opinion_dialog.py" line="98"/>
        <source>Choose a person</source>
        <translation>Chọn người</translation>
    </message>
</context>
<context>
    <name>OpinionTracker</name>
    <message>
        <location filename="../antq_desktop/ui/meetings/tracker.py" line="45"/>
        <source>Open (new or in progress)</source>
        <translation>Đang mở (mới hoặc đang xử lý)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/tracker.py" line="46"/>
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/tracker.py" line="50"/>
        <source>All fields</source>
        <translation>Mọi lĩnh vực</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/tracker.py" line="53"/>
        <source>Only overdue</source>
        <translation>Chỉ ý kiến quá hạn</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/tracker.py" line="56"/>
        <source>Search opinions…</source>
        <translation>Tìm ý kiến…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/tracker.py" line="64"/>
        <source>Meeting</source>
        <translation>Hội nghị</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/tracker.py" line="65"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/tracker.py" line="66"/>
        <source>Speaker</source>
        <translation>Người phát biểu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/tracker.py" line="67"/>
        <source>Opinion</source>
        <translation>Ý kiến</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/tracker.py" line="68"/>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/tracker.py" line="69"/>
        <source>Due</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/tracker.py" line="70"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/tracker.py" line="78"/>
        <source>Take up</source>
        <translation>Tiếp nhận xử lý</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/tracker.py" line="79"/>
        <source>Record the answer…</source>
        <translation>Ghi nội dung trả lời…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/tracker.py" line="81"/>
        <source>Close</source>
        <translation>Đóng ý kiến</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/tracker.py" line="83"/>
        <source>Reopen</source>
        <translation>Mở lại</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/tracker.py" line="118"/>
        <source> — overdue</source>
        <translation> — quá hạn</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/meetings/tracker.py" line="136"/>
        <source>%1 shown · %2 open · %3 overdue</source>
        <translation>Đang hiện %1 · %2 đang mở · %3 quá hạn</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../antq_desktop/ui/overview_page.py" line="80"/>
        <location filename="../antq_desktop/ui/overview_page.py" line="92"/>
        <source>Households</source>
        <translation>Hộ gia đình</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/overview_page.py" line="81"/>
        <source>Persons</source>
        <translation>Nhân khẩu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/overview_page.py" line="82"/>
        <source>Signed this year&apos;s commitment</source>
        <translation>Hộ đã ký cam kết năm nay</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/overview_page.py" line="83"/>
        <source>Active groups and models</source>
        <translation>Tổ, mô hình đang hoạt động</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/overview_page.py" line="84"/>
        <source>Meetings this year</source>
        <translation>Hội nghị trong năm</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/overview_page.py" line="85"/>
        <source>Opinions awaiting an answer</source>
        <translation>Ý kiến chưa được trả lời</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/overview_page.py" line="92"/>
        <location filename="../antq_desktop/ui/overview_page.py" line="149"/>
        <source>Village</source>
        <translation>Thôn, tổ dân phố</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/overview_page.py" line="92"/>
        <source>Signed</source>
        <translation>Đã ký</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/overview_page.py" line="92"/>
        <source>Coverage</source>
        <translation>Tỷ lệ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/overview_page.py" line="103"/>
        <source>Each commune&apos;s figures, the charts and the province report are under Reports.</source>
        <translation>Số liệu từng xã, biểu đồ và báo cáo của tỉnh xem ở mục Báo cáo.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/overview_page.py" line="134"/>
        <source>Overview — year %1</source>
        <translation>Tổng quan — năm %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/overview_page.py" line="139"/>
        <source>%1 of %2 households</source>
        <translation>%1 trên %2 hộ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/overview_page.py" line="143"/>
        <source>%1 members</source>
        <translation>%1 thành viên</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/overview_page.py" line="149"/>
        <source>Commune</source>
        <translation>Xã, phường</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/overview_page.py" line="152"/>
        <source>Commitment coverage by commune, %1</source>
        <translation>Tỷ lệ hộ ký cam kết theo xã, phường, năm %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/overview_page.py" line="154"/>
        <source>Commitment coverage by village, %1</source>
        <translation>Tỷ lệ hộ ký cam kết theo thôn, năm %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/overview_page.py" line="161"/>
        <source>No exchange with %1 for %2 days: send a bundle (Sync → Export a bundle).</source>
        <translation>Đã %2 ngày chưa trao đổi dữ liệu với %1: hãy gửi gói dữ liệu (Đồng bộ → Xuất gói dữ liệu).</translation>
    </message>
</context>
<context>
    <name>PairDialog</name>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="61"/>
        <source>Pair with %1</source>
        <translation>Ghép nối với %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="68"/>
        <source>Call the officer of %1 and ask them to read the fingerprint shown on their screen (Sync → This station&apos;s card). Confirm only if every character is the same.</source>
        <translation>Gọi điện cho cán bộ của %1, đề nghị đọc mã nhận dạng trên màn hình của họ (Đồng bộ → dòng “Đơn vị này”). Chỉ xác nhận khi mọi ký tự đều giống nhau.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="73"/>
        <source>The fingerprint read out on the phone is exactly this one</source>
        <translation>Mã nhận dạng đọc qua điện thoại giống hệt mã này</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="76"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="77"/>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="78"/>
        <source>Fingerprint</source>
        <translation>Mã nhận dạng</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="85"/>
        <source>Pair</source>
        <translation>Ghép nối</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../antq_desktop/ui/admin/password_dialog.py" line="22"/>
        <source>New password for %1</source>
        <translation>Mật khẩu mới cho %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/password_dialog.py" line="29"/>
        <source>New password</source>
        <translation>Mật khẩu mới</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/admin/password_dialog.py" line="30"/>
        <source>Again</source>
        <translation>Nhập lại</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../antq_desktop/ui/pdf_preview.py" line="81"/>
        <source>Zoom out</source>
        <translation>Thu nhỏ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/pdf_preview.py" line="84"/>
        <source>Zoom in</source>
        <translation>Phóng to</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/pdf_preview.py" line="86"/>
        <source>Fit width</source>
        <translation>Vừa chiều rộng</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/pdf_preview.py" line="88"/>
        <location filename="../antq_desktop/ui/pdf_preview.py" line="233"/>
        <location filename="../antq_desktop/ui/pdf_preview.py" line="239"/>
        <location filename="../antq_desktop/ui/pdf_preview.py" line="251"/>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/pdf_preview.py" line="103"/>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/pdf_preview.py" line="104"/>
        <source>Print (Ctrl+P)</source>
        <translation>In (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/pdf_preview.py" line="105"/>
        <source>&amp;Save as PDF file…</source>
        <translation>&amp;Lưu thành tệp PDF…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/pdf_preview.py" line="178"/>
        <source>Page %1 of %2</source>
        <translation>Trang %1 / %2</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/pdf_preview.py" line="199"/>
        <location filename="../antq_desktop/ui/pdf_preview.py" line="208"/>
        <source>Save as PDF file</source>
        <translation>Lưu thành tệp PDF</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/pdf_preview.py" line="199"/>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/pdf_preview.py" line="209"/>
        <source>The file could not be saved: %1</source>
        <translation>Không lưu được tệp: %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/pdf_preview.py" line="212"/>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/pdf_preview.py" line="238"/>
        <source>Printing…</source>
        <translation>Đang in…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/pdf_preview.py" line="238"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/pdf_preview.py" line="256"/>
        <source>Sent %1 pages to the printer.</source>
        <translation>Đã gửi %1 trang tới máy in.</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../antq_desktop/ui/households/person_dialog.py" line="50"/>
        <source>Person</source>
        <translation>Nhân khẩu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/person_dialog.py" line="72"/>
        <source>dd/mm/yyyy, or only the year</source>
        <translation>ngày/tháng/năm, hoặc chỉ năm sinh</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/person_dialog.py" line="84"/>
        <source>12 digits</source>
        <translation>12 chữ số</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/person_dialog.py" line="109"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/person_dialog.py" line="111"/>
        <source>Date or year of birth</source>
        <translation>Ngày hoặc năm sinh</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/person_dialog.py" line="113"/>
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/person_dialog.py" line="114"/>
        <source>Personal ID number</source>
        <translation>Số định danh cá nhân</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/person_dialog.py" line="116"/>
        <source>Ethnic group (sensitive)</source>
        <translation>Dân tộc (dữ liệu nhạy cảm)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/person_dialog.py" line="117"/>
        <source>Relation to the head</source>
        <translation>Quan hệ với chủ hộ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/person_dialog.py" line="118"/>
        <source>Phone</source>
        <translation>Số điện thoại</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/person_dialog.py" line="119"/>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/person_dialog.py" line="136"/>
        <source>now</source>
        <translation>nay</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/person_dialog.py" line="139"/>
        <source>Groups and models</source>
        <translation>Tham gia tổ, mô hình</translation>
    </message>
</context>
<context>
    <name>PersonSearch</name>
    <message>
        <location filename="../antq_desktop/ui/widgets.py" line="334"/>
        <source>Type a name or an ID number…</source>
        <translation>Gõ họ tên hoặc số định danh…</translation>
    </message>
</context>
<context>
    <name>PrintCertificatesDialog</name>
    <message>
        <location filename="../antq_desktop/ui/awards/print_dialog.py" line="46"/>
        <source>Print certificates — %1</source>
        <translation>In giấy khen — %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/print_dialog.py" line="48"/>
        <source>Full page (border, titles and all text)</source>
        <translation>In cả trang (viền, quốc hiệu và toàn bộ nội dung)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/print_dialog.py" line="50"/>
        <source>Onto pre-printed blanks (only the names and details)</source>
        <translation>In lên phôi in sẵn (chỉ họ tên và nội dung thay đổi)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/print_dialog.py" line="64"/>
        <source>Print the calibration page…</source>
        <translation>In trang căn chỉnh…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/print_dialog.py" line="67"/>
        <source>right</source>
        <translation>sang phải</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/print_dialog.py" line="69"/>
        <source>down</source>
        <translation>xuống dưới</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/print_dialog.py" line="74"/>
        <source>Print the calibration page on plain paper, lay it on a blank against the light, measure how far the crosses are from where they should be, and enter it here.</source>
        <translation>In trang căn chỉnh ra giấy trắng, đặt chồng lên phôi soi ra ánh sáng, đo dấu chữ thập lệch bao nhiêu so với chỗ cần in rồi nhập vào đây.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/print_dialog.py" line="84"/>
        <source>The decision is a draft: the pages carry a “BẢN NHÁP” watermark and no QR code, and are not entered in the print register.</source>
        <translation>Quyết định còn là dự thảo: trang in có chữ “BẢN NHÁP”, không có mã QR và không ghi vào sổ in giấy khen.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/print_dialog.py" line="91"/>
        <source>Template</source>
        <translation>Mẫu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/print_dialog.py" line="92"/>
        <source>Offsets</source>
        <translation>Dịch vị trí in</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/print_dialog.py" line="96"/>
        <source>Preview and print…</source>
        <translation>Xem trước và in…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/print_dialog.py" line="154"/>
        <location filename="../antq_desktop/ui/awards/print_dialog.py" line="159"/>
        <source>Calibration page</source>
        <translation>Trang căn chỉnh</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/print_dialog.py" line="155"/>
        <source>Drawing the calibration page…</source>
        <translation>Đang tạo trang căn chỉnh…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/print_dialog.py" line="189"/>
        <source>Certificates</source>
        <translation>Giấy khen</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/print_dialog.py" line="189"/>
        <source>Drawing the certificates…</source>
        <translation>Đang dựng giấy khen…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/print_dialog.py" line="203"/>
        <source>Certificates — %1</source>
        <translation>Giấy khen — %1</translation>
    </message>
</context>
<context>
    <name>ProvincePage</name>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="156"/>
        <source>Province or city</source>
        <translation>Tỉnh, thành phố</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="158"/>
        <source>The 34 provinces and cities since 1 July 2025. Type without diacritics to search.</source>
        <translation>34 tỉnh, thành phố từ ngày 01/7/2025. Gõ không dấu để tìm.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="160"/>
        <source>Search, e.g. cao bang</source>
        <translation>Tìm kiếm, ví dụ: cao bang</translation>
    </message>
</context>
<context>
    <name>RecipientDialog</name>
    <message>
        <location filename="../antq_desktop/ui/awards/recipient_dialog.py" line="47"/>
        <source>Recipient</source>
        <translation>Người, tập thể được khen</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/recipient_dialog.py" line="56"/>
        <location filename="../antq_desktop/ui/awards/recipient_dialog.py" line="110"/>
        <source>Choose from the register…</source>
        <translation>Chọn trong sổ…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/recipient_dialog.py" line="62"/>
        <source>position, unit or address printed under the name</source>
        <translation>chức vụ, đơn vị hoặc địa chỉ in dưới tên</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/recipient_dialog.py" line="68"/>
        <source>empty: the certificate&apos;s serial</source>
        <translation>để trống: dùng số hiệu giấy khen</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/recipient_dialog.py" line="77"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/recipient_dialog.py" line="78"/>
        <source>Person</source>
        <translation>Người</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/recipient_dialog.py" line="79"/>
        <source>Group or village</source>
        <translation>Tổ, mô hình hoặc thôn</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/recipient_dialog.py" line="80"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/recipient_dialog.py" line="81"/>
        <source>Details</source>
        <translation>Chức vụ, đơn vị, địa chỉ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/recipient_dialog.py" line="82"/>
        <source>Own achievement</source>
        <translation>Thành tích riêng</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/recipient_dialog.py" line="83"/>
        <source>Register number</source>
        <translation>Số vào sổ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/recipient_dialog.py" line="108"/>
        <source>Choose the household through one of its members…</source>
        <translation>Chọn hộ qua một người trong hộ…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/recipient_dialog.py" line="120"/>
        <source>empty: the name in the register</source>
        <translation>để trống: lấy tên trong sổ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/recipient_dialog.py" line="122"/>
        <source>full name or name of the organisation</source>
        <translation>họ tên hoặc tên cơ quan, tổ chức</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/recipient_dialog.py" line="126"/>
        <source>Choose a person</source>
        <translation>Chọn người</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/recipient_dialog.py" line="160"/>
        <source>Press OK again to save anyway.</source>
        <translation>Bấm OK lần nữa nếu vẫn muốn lưu.</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <location filename="../antq_desktop/ui/encryption_tab.py" line="43"/>
        <location filename="../antq_desktop/ui/encryption_tab.py" line="82"/>
        <location filename="../antq_desktop/ui/encryption_tab.py" line="89"/>
        <source>Recovery code</source>
        <translation>Mã khôi phục</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/encryption_tab.py" line="47"/>
        <source>Print this code and keep it sealed in the unit&apos;s safe. It opens the sensitive data if the administrator password is forgotten. It is not stored anywhere else and is shown only now.</source>
        <translation>Hãy in mã này, niêm phong và cất trong tủ sắt của đơn vị. Mã mở được dữ liệu nhạy cảm khi quên mật khẩu quản trị. Mã không được lưu ở đâu khác và chỉ hiện lần này.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/encryption_tab.py" line="64"/>
        <source>&amp;Print the sheet…</source>
        <translation>&amp;In tờ mã khôi phục…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/encryption_tab.py" line="83"/>
        <source>Writing the recovery sheet…</source>
        <translation>Đang ghi tờ mã khôi phục…</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="403"/>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="481"/>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="485"/>
        <source>Recovery code</source>
        <translation>Mã khôi phục</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="406"/>
        <source>Sensitive data (ID numbers, ethnicity, poverty status, violation notes) is encrypted. If the administrator password is forgotten, only this code opens it again.</source>
        <translation>Dữ liệu nhạy cảm (số định danh, dân tộc, hộ nghèo, ghi chú vi phạm) được mã hóa. Nếu quên mật khẩu quản trị, chỉ mã này mở lại được.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="421"/>
        <source>Write it down or print the sheet, and keep it sealed in the unit&apos;s safe. It is shown only now and stored nowhere else. A new code can be printed later under Administration.</source>
        <translation>Hãy chép mã ra giấy hoặc in tờ mã, cho vào phong bì dán kín và cất trong tủ sắt của đơn vị. Mã chỉ hiện lần này và không lưu ở đâu khác. Sau này có thể in mã mới trong mục Quản trị.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="426"/>
        <source>&amp;Print or save the sheet…</source>
        <translation>&amp;In hoặc lưu tờ mã…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="430"/>
        <source>I have written the code down (or printed the sheet) to keep it safe</source>
        <translation>Tôi đã chép mã ra giấy (hoặc đã in tờ mã) để cất giữ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="481"/>
        <source>Writing the recovery sheet…</source>
        <translation>Đang ghi tờ mã khôi phục…</translation>
    </message>
</context>
<context>
    <name>RegisterTab</name>
    <message>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="142"/>
        <source>Search names, ID numbers, phones, addresses… (Ctrl+F)</source>
        <translation>Tìm theo tên, số định danh, điện thoại, địa chỉ… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="145"/>
        <source>All villages</source>
        <translation>Tất cả thôn, tổ dân phố</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="150"/>
        <source>Any commitment status</source>
        <translation>Mọi tình trạng cam kết</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="157"/>
        <source>Year </source>
        <translation>Năm </translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="158"/>
        <source>Show sensitive data</source>
        <translation>Hiện dữ liệu nhạy cảm</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="160"/>
        <source>Poverty status is personal data: shown only while this is ticked.</source>
        <translation>Tình trạng hộ nghèo là dữ liệu cá nhân: chỉ hiện khi đánh dấu ô này.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="162"/>
        <source>Deleted</source>
        <translation>Đã xóa</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="164"/>
        <source>Show deleted households, to restore them</source>
        <translation>Xem các hộ đã xóa để khôi phục</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="203"/>
        <source>New household</source>
        <translation>Thêm hộ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="204"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="206"/>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="208"/>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="209"/>
        <source>Merge into another household…</source>
        <translation>Nhập vào hộ khác…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="210"/>
        <source>Import from Excel…</source>
        <translation>Nhập từ Excel…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="211"/>
        <source>Export to Excel…</source>
        <translation>Xuất ra Excel…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="212"/>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="214"/>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="232"/>
        <source>Mark commitment</source>
        <translation>Đánh dấu cam kết</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="241"/>
        <source>More</source>
        <translation>Khác</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="119"/>
        <source>Enter opens · Del deletes (Ctrl+Z undoes) · S signed · C not signed · T refused · V away · Space toggles signed</source>
        <translation>Enter: mở · Del: xóa (Ctrl+Z hoàn tác) · S: đã ký · C: chưa ký · T: từ chối · V: vắng · Dấu cách: đổi đã ký/chưa ký</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="297"/>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="375"/>
        <source>%1 households</source>
        <translation>%1 hộ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="299"/>
        <source>%1 deleted households</source>
        <translation>%1 hộ đã xóa</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="380"/>
        <source>household %1 (%2)</source>
        <translation>hộ %1 (%2)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="384"/>
        <source>Delete %1 households</source>
        <translation>Xóa %1 hộ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="392"/>
        <source>Restore %1 households</source>
        <translation>Khôi phục %1 hộ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="402"/>
        <source>Mark %1 households: %2</source>
        <translation>Đánh dấu %1 hộ: %2</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="433"/>
        <source>Merge this household into…</source>
        <translation>Nhập hộ này vào hộ…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="437"/>
        <source>Merge into another household</source>
        <translation>Nhập vào hộ khác</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="439"/>
        <source>The members of this household move to the household chosen and this household is closed. This cannot be undone. Merge?</source>
        <translation>Các thành viên của hộ này chuyển sang hộ được chọn và hộ này khép lại. Việc này không hoàn tác được. Nhập hộ?</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="456"/>
        <source>Import households from Excel</source>
        <translation>Nhập danh sách hộ từ Excel</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="456"/>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="469"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="466"/>
        <source>all villages</source>
        <translation>toan-xa</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="469"/>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="477"/>
        <source>Export to Excel</source>
        <translation>Xuất ra Excel</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="478"/>
        <source>Writing the list…</source>
        <translation>Đang ghi danh sách…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/register_tab.py" line="492"/>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/register_tab.py" line="32"/>
        <source>Search names, serials, who printed…</source>
        <translation>Tìm họ tên, số hiệu, người in…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/register_tab.py" line="35"/>
        <source>Printed at</source>
        <translation>Thời điểm in</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/register_tab.py" line="36"/>
        <source>Serial</source>
        <translation>Số hiệu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/register_tab.py" line="37"/>
        <source>Recipient</source>
        <translation>Người được khen</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/register_tab.py" line="38"/>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/register_tab.py" line="39"/>
        <source>Mode</source>
        <translation>Cách in</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/register_tab.py" line="40"/>
        <source>Print</source>
        <translation>Lần in</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/register_tab.py" line="41"/>
        <source>By</source>
        <translation>Người in</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/register_tab.py" line="68"/>
        <source>full page</source>
        <translation>cả trang</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/register_tab.py" line="68"/>
        <source>onto a blank</source>
        <translation>lên phôi</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/register_tab.py" line="69"/>
        <source>first print</source>
        <translation>in lần đầu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/register_tab.py" line="71"/>
        <source>reprint %1</source>
        <translation>in lại lần %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/register_tab.py" line="78"/>
        <source>%1 certificates printed</source>
        <translation>%1 lượt in giấy khen</translation>
    </message>
</context>
<context>
    <name>ReportChoice</name>
    <message>
        <location filename="../antq_desktop/ui/reports/choice.py" line="34"/>
        <source>The report template: the built-in one, or a province&apos;s own from the data folder.</source>
        <translation>Mẫu báo cáo: mẫu có sẵn, hoặc mẫu riêng của tỉnh đặt trong thư mục dữ liệu.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/choice.py" line="36"/>
        <source>Report</source>
        <translation>Mẫu báo cáo</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/choice.py" line="39"/>
        <source>2026, 2026-Q3, 2026-H1 or 2026-07</source>
        <translation>2026, 2026-Q3, 2026-H1 hoặc 2026-07</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/choice.py" line="43"/>
        <source>Choose a period…</source>
        <translation>Chọn kỳ báo cáo…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/choice.py" line="45"/>
        <source>Year %1</source>
        <translation>Năm %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/choice.py" line="46"/>
        <source>First 6 months of %1</source>
        <translation>6 tháng đầu năm %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/choice.py" line="49"/>
        <source>Quarter %1 of %2</source>
        <translation>Quý %1 năm %2</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/choice.py" line="56"/>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
</context>
<context>
    <name>ReportTab</name>
    <message>
        <location filename="../antq_desktop/ui/reports/report_tab.py" line="43"/>
        <source>Compute</source>
        <translation>Tính số liệu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/report_tab.py" line="53"/>
        <source>Indicator</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/report_tab.py" line="53"/>
        <source>Figure</source>
        <translation>Số liệu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/report_tab.py" line="53"/>
        <source>Unit</source>
        <translation>Đơn vị tính</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/report_tab.py" line="57"/>
        <source>Double-click a figure to see the records behind it.</source>
        <translation>Nhấp đúp vào một số liệu để xem các bản ghi tạo nên số liệu đó.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/report_tab.py" line="59"/>
        <source>Preview and print…</source>
        <translation>Xem trước và in…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/report_tab.py" line="61"/>
        <source>Save as Excel…</source>
        <translation>Lưu ra Excel…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/report_tab.py" line="63"/>
        <source>Save as Word…</source>
        <translation>Lưu ra Word…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/report_tab.py" line="66"/>
        <source>Mark as sent to the upper level</source>
        <translation>Đánh dấu đã gửi cấp trên</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/report_tab.py" line="99"/>
        <source>from %1 to %2</source>
        <translation>từ %1 đến %2</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/report_tab.py" line="140"/>
        <source>Approved and locked by %1: %2</source>
        <translation>%1 đã duyệt và khóa kỳ: %2</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/report_tab.py" line="146"/>
        <source>Sent on %1 by %2.</source>
        <translation>Đã gửi lúc %1, người gửi %2.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/report_tab.py" line="177"/>
        <location filename="../antq_desktop/ui/reports/report_tab.py" line="182"/>
        <source>Report %1</source>
        <translation>Báo cáo %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/report_tab.py" line="178"/>
        <source>Drawing the report…</source>
        <translation>Đang tạo báo cáo…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/report_tab.py" line="188"/>
        <location filename="../antq_desktop/ui/reports/report_tab.py" line="207"/>
        <source>Save as Excel</source>
        <translation>Lưu ra Excel</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/report_tab.py" line="188"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/report_tab.py" line="191"/>
        <location filename="../antq_desktop/ui/reports/report_tab.py" line="207"/>
        <source>Save as Word</source>
        <translation>Lưu ra Word</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/report_tab.py" line="191"/>
        <source>Word documents (*.docx)</source>
        <translation>Tệp Word (*.docx)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/report_tab.py" line="212"/>
        <source>Writing the report…</source>
        <translation>Đang ghi báo cáo…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/report_tab.py" line="220"/>
        <source>Mark as sent</source>
        <translation>Đánh dấu đã gửi</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/report_tab.py" line="222"/>
        <source>The figures as they are now travel to the upper level with the next bundle. Mark as sent?</source>
        <translation>Số liệu như hiện nay sẽ được gửi lên cấp trên trong gói dữ liệu tới. Đánh dấu đã gửi?</translation>
    </message>
</context>
<context>
    <name>ReportsArea</name>
    <message>
        <location filename="../antq_desktop/ui/reports/area.py" line="29"/>
        <source>Movement report</source>
        <translation>Báo cáo phong trào</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/area.py" line="30"/>
        <source>Typed figures and narrative</source>
        <translation>Số liệu nhập tay và nhận xét</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/area.py" line="31"/>
        <source>Other results</source>
        <translation>Kết quả khác</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/area.py" line="32"/>
        <source>Village assessment</source>
        <translation>Đánh giá khu dân cư</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/area.py" line="33"/>
        <source>Other units and the commune</source>
        <translation>Đơn vị khác và cấp xã</translation>
    </message>
</context>
<context>
    <name>ResultDialog</name>
    <message>
        <location filename="../antq_desktop/ui/reports/result_dialog.py" line="45"/>
        <source>(whole commune)</source>
        <translation>(toàn xã)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/result_dialog.py" line="53"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/result_dialog.py" line="54"/>
        <source>Village</source>
        <translation>Thôn, tổ dân phố</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/result_dialog.py" line="59"/>
        <source>Led to a case being found and handled</source>
        <translation>Giúp phát hiện, xử lý vụ việc</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/result_dialog.py" line="61"/>
        <source>Mediated successfully</source>
        <translation>Hòa giải thành</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/result_dialog.py" line="72"/>
        <source>What</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/result_dialog.py" line="73"/>
        <source>Quantity</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/result_dialog.py" line="80"/>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/result_dialog.py" line="82"/>
        <source>No name of the person who gave the tip is recorded.</source>
        <translation>Không ghi tên người cung cấp tin.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/result_dialog.py" line="88"/>
        <source>Persons</source>
        <translation>Số người</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/result_dialog.py" line="92"/>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>ResultsTab</name>
    <message>
        <location filename="../antq_desktop/ui/reports/results_tab.py" line="61"/>
        <source>Year </source>
        <translation>Năm </translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/results_tab.py" line="65"/>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/results_tab.py" line="65"/>
        <source>Village</source>
        <translation>Thôn, tổ dân phố</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/results_tab.py" line="65"/>
        <source>What</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/results_tab.py" line="71"/>
        <source>Add…</source>
        <translation>Thêm…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/results_tab.py" line="72"/>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/results_tab.py" line="73"/>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/results_tab.py" line="78"/>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/results_tab.py" line="102"/>
        <source>%1 records</source>
        <translation>%1 bản ghi</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/results_tab.py" line="127"/>
        <source>Delete %1</source>
        <translation>Xóa %1</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="498"/>
        <source>ANTQ Desktop — first-time setup</source>
        <translation>ANTQ Desktop — thiết lập lần đầu</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <location filename="../antq_desktop/ui/households/split_dialog.py" line="25"/>
        <source>Split household %1</source>
        <translation>Tách hộ %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/split_dialog.py" line="28"/>
        <source>Who moves to the new household?</source>
        <translation>Những ai chuyển sang hộ mới?</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/split_dialog.py" line="37"/>
        <source>Head of the new household</source>
        <translation>Chủ hộ của hộ mới</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/households/split_dialog.py" line="38"/>
        <source>Address of the new household</source>
        <translation>Địa chỉ của hộ mới</translation>
    </message>
</context>
<context>
    <name>SyncArea</name>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="515"/>
        <source>Exchange with other stations</source>
        <translation>Trao đổi với đơn vị khác</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/sync_page.py" line="516"/>
        <source>Conflicts</source>
        <translation>Xung đột</translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <location filename="../antq_desktop/ui/reports/units_tab.py" line="50"/>
        <source>New unit</source>
        <translation>Thêm đơn vị</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/units_tab.py" line="57"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/units_tab.py" line="58"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/units_tab.py" line="59"/>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
</context>
<context>
    <name>UnitPage</name>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="206"/>
        <source>Your unit and its villages</source>
        <translation>Đơn vị và các thôn, tổ dân phố</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="207"/>
        <source>Villages: thôn, xóm, bản, ấp, tổ dân phố… You can add more later.</source>
        <translation>Khu dân cư: thôn, xóm, bản, ấp, tổ dân phố… Có thể bổ sung sau.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="212"/>
        <source>e.g. Thôn Nà Mạ</source>
        <translation>ví dụ: Thôn Nà Mạ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="213"/>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="214"/>
        <source>Rename</source>
        <translation>Đổi tên</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="215"/>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="216"/>
        <source>Move up</source>
        <translation>Lên trên</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="217"/>
        <source>Move down</source>
        <translation>Xuống dưới</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="230"/>
        <source>Unit name:</source>
        <translation>Tên đơn vị:</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="244"/>
        <source>Villages of the commune:</source>
        <translation>Các thôn, tổ dân phố của xã:</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="261"/>
        <source>The hub&apos;s own unit. Villages are not needed: the communes bring theirs.</source>
        <translation>Tên đơn vị của máy tổng hợp. Không cần nhập thôn: các xã tự gửi danh sách của mình.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="280"/>
        <source>This village is already in the list.</source>
        <translation>Thôn này đã có trong danh sách.</translation>
    </message>
</context>
<context>
    <name>UnitResultDialog</name>
    <message>
        <location filename="../antq_desktop/ui/reports/units_tab.py" line="78"/>
        <source>Registered for the year</source>
        <translation>Đã đăng ký trong năm</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/units_tab.py" line="94"/>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/units_tab.py" line="95"/>
        <source>Decision number</source>
        <translation>Số quyết định</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/units_tab.py" line="96"/>
        <source>Decision date</source>
        <translation>Ngày quyết định</translation>
    </message>
</context>
<context>
    <name>UnitsTab</name>
    <message>
        <location filename="../antq_desktop/ui/reports/units_tab.py" line="123"/>
        <source>Year </source>
        <translation>Năm </translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/units_tab.py" line="130"/>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/units_tab.py" line="130"/>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/units_tab.py" line="130"/>
        <source>Registered</source>
        <translation>Đăng ký</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/units_tab.py" line="130"/>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/units_tab.py" line="130"/>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/units_tab.py" line="135"/>
        <source>Add unit…</source>
        <translation>Thêm đơn vị…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/units_tab.py" line="135"/>
        <source>Assess…</source>
        <translation>Đánh giá…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/units_tab.py" line="140"/>
        <source>The commune&apos;s own criteria</source>
        <translation>Tiêu chí của xã</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/units_tab.py" line="143"/>
        <source>Save the commune&apos;s criteria</source>
        <translation>Lưu tiêu chí của xã</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/units_tab.py" line="163"/>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/units_tab.py" line="163"/>
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/reports/units_tab.py" line="180"/>
        <source>%1 villages and %2 other units; the commune: %3.</source>
        <translation>%1 khu dân cư và %2 đơn vị khác; xã: %3.</translation>
    </message>
</context>
<context>
    <name>UpperLevelPage</name>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="320"/>
        <source>Upper level</source>
        <translation>Cấp trên</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="322"/>
        <source>Where your data bundles go: the police of your province or centrally-governed city.</source>
        <translation>Nơi nhận gói dữ liệu: Công an tỉnh, thành phố trực thuộc Trung ương.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="328"/>
        <source>Kind:</source>
        <translation>Loại:</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="329"/>
        <source>Name:</source>
        <translation>Tên:</translation>
    </message>
</context>
<context>
    <name>VerifyTab</name>
    <message>
        <location filename="../antq_desktop/ui/awards/verify_tab.py" line="32"/>
        <source>Scan the certificate&apos;s QR code here, paste its text, or type the serial (e.g. 01304-2026-00042)</source>
        <translation>Quét mã QR trên giấy khen vào đây, dán nội dung mã, hoặc gõ số hiệu (ví dụ 01304-2026-00042)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/verify_tab.py" line="37"/>
        <source>Check</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/verify_tab.py" line="54"/>
        <source>QR code text or serial</source>
        <translation>Nội dung mã QR hoặc số hiệu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/awards/verify_tab.py" line="77"/>
        <source>signed by: %1</source>
        <translation>đơn vị ký: %1</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../antq_desktop/app.py" line="85"/>
        <source>Demo data</source>
        <translation>Dữ liệu mẫu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/app.py" line="86"/>
        <source>Creating the demo commune…</source>
        <translation>Đang tạo xã mẫu…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/app.py" line="99"/>
        <source>Setup</source>
        <translation>Thiết lập</translation>
    </message>
    <message>
        <location filename="../antq_desktop/app.py" line="100"/>
        <source>Setting up the unit…</source>
        <translation>Đang thiết lập đơn vị…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/app.py" line="129"/>
        <source>ANTQ Desktop is already open; its window was brought forward.</source>
        <translation>ANTQ Desktop đang mở; cửa sổ đã được đưa lên trước.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/app.py" line="146"/>
        <source>ANTQ Desktop is already open on this data folder (or a command is running on it).</source>
        <translation>ANTQ Desktop đang mở trên thư mục dữ liệu này (hoặc đang có lệnh chạy trên đó).</translation>
    </message>
    <message>
        <location filename="../antq_desktop/app.py" line="155"/>
        <source>Cannot use the data folder %1: %2</source>
        <translation>Không dùng được thư mục dữ liệu %1: %2</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../antq_desktop/ui/messages.py" line="19"/>
        <source>Something unexpected went wrong; nothing was half-saved. Please tell the administrator.</source>
        <translation>Đã xảy ra lỗi không mong đợi; không có dữ liệu nào bị ghi dở. Hãy báo cho người quản trị.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/operations.py" line="97"/>
        <source>ANTQ Desktop</source>
        <translation>ANTQ Desktop</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/messages.py" line="43"/>
        <source>Delete %1?</source>
        <translation>Xóa %1?</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/messages.py" line="45"/>
        <source>Undo (Ctrl+Z) brings it back.</source>
        <translation>Hoàn tác (Ctrl+Z) sẽ lấy lại.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/messages.py" line="46"/>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/messages.py" line="55"/>
        <source>Unsaved changes</source>
        <translation>Thay đổi chưa lưu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/messages.py" line="56"/>
        <source>This form has changes that are not saved yet. Save them?</source>
        <translation>Biểu mẫu có thay đổi chưa lưu. Lưu lại không?</translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <location filename="../antq_desktop/ui/tasks.py" line="49"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/tasks.py" line="77"/>
        <source>Cancelling…</source>
        <translation>Đang hủy…</translation>
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <location filename="../antq_desktop/ui/widgets.py" line="150"/>
        <source>Clear the search</source>
        <translation>Xóa nội dung tìm kiếm</translation>
    </message>
</context>
</TS>
