<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="301"/>
        <source>Administrator account</source>
        <translation>Tài khoản quản trị</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="302"/>
        <source>The first account; it can add the other officers later.</source>
        <translation>Tài khoản đầu tiên; sau này tài khoản này thêm được các cán bộ khác.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="313"/>
        <source>User name:</source>
        <translation>Tên đăng nhập:</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="314"/>
        <source>Full name:</source>
        <translation>Họ và tên:</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="315"/>
        <source>Password:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="316"/>
        <source>Repeat password:</source>
        <translation>Nhập lại mật khẩu:</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="331"/>
        <source>The user name needs at least 3 characters.</source>
        <translation>Tên đăng nhập cần ít nhất 3 ký tự.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="333"/>
        <source>The password needs at least 6 characters.</source>
        <translation>Mật khẩu cần ít nhất 6 ký tự.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="335"/>
        <source>The two passwords differ.</source>
        <translation>Hai lần nhập mật khẩu không khớp nhau.</translation>
    </message>
</context>
<context>
    <name>ComingPage</name>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="46"/>
        <source>Coming in a next version</source>
        <translation>Sẽ có trong phiên bản tới</translation>
    </message>
</context>
<context>
    <name>CommunePage</name>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="151"/>
        <source>Commune, ward or special zone</source>
        <translation>Xã, phường, đặc khu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="152"/>
        <source>Search, e.g. thach lam</source>
        <translation>Tìm kiếm, ví dụ: thach lam</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="162"/>
        <source>Communes of %1</source>
        <translation>Các xã, phường của %1</translation>
    </message>
</context>
<context>
    <name>IntroPage</name>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="105"/>
        <source>Welcome to ANTQ Desktop</source>
        <translation>Chào mừng đến với ANTQ Desktop</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="107"/>
        <source>The records of the movement for the whole people to protect national security.</source>
        <translation>Quản lý hồ sơ phong trào Toàn dân bảo vệ an ninh Tổ quốc.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="109"/>
        <source>Set up my unit (choose the province and commune)</source>
        <translation>Thiết lập đơn vị của tôi (chọn tỉnh và xã)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="110"/>
        <source>Try it with demo data</source>
        <translation>Dùng thử với dữ liệu mẫu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="114"/>
        <source>Demo data creates a sample commune with about 1,500 households, groups, meetings and awards. Use a separate data folder for real work.</source>
        <translation>Dữ liệu mẫu tạo một xã mẫu với khoảng 1.500 hộ, các tổ, hội nghị và khen thưởng. Khi làm việc thật, hãy dùng một thư mục dữ liệu khác.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="74"/>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="94"/>
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="97"/>
        <source>Households &amp; commitments</source>
        <translation>Hộ gia đình &amp; Cam kết</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="99"/>
        <source>The household register by village, persons, and each year&apos;s commitment: who signed, who refused, who broke it; coverage per village and printable commitment forms.</source>
        <translation>Sổ hộ gia đình theo thôn, nhân khẩu và cam kết hằng năm: hộ đã ký, hộ từ chối, hộ vi phạm; tỷ lệ ký theo thôn và in mẫu bản cam kết.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="105"/>
        <source>Groups &amp; models</source>
        <translation>Tổ tự quản &amp; Mô hình</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="107"/>
        <source>Self-managed groups, grassroots security teams, mediation groups, fire-safety groups and camera models, with their rosters and the history of who joined and left.</source>
        <translation>Tổ tự quản, tổ bảo vệ ANTT ở cơ sở, tổ hòa giải, tổ liên gia an toàn PCCC, mô hình camera an ninh, cùng danh sách thành viên và lịch sử tham gia, thôi tham gia.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="113"/>
        <source>Meetings &amp; minutes</source>
        <translation>Hội nghị &amp; Biên bản</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="115"/>
        <source>Meetings with attendance and minutes in the official layout, and every opinion raised, followed until it is answered.</source>
        <translation>Hội nghị, thành phần tham dự và biên bản theo thể thức văn bản; theo dõi từng ý kiến của Nhân dân đến khi được trả lời.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="121"/>
        <source>Awards</source>
        <translation>Khen thưởng</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="123"/>
        <source>Award decisions and their recipients, certificates printed on full pages or on blanks, with a verification code and a register of what was printed.</source>
        <translation>Quyết định khen thưởng và người được khen; in Giấy khen, Bằng khen trên giấy trắng hoặc lên phôi, có mã xác thực và sổ theo dõi in.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="129"/>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="130"/>
        <source>Statistics reports for the upper level, computed from the records.</source>
        <translation>Báo cáo thống kê gửi cấp trên, tính từ dữ liệu đã nhập.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="134"/>
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="136"/>
        <source>Signed, encrypted bundle files exchanged with the upper level on a USB stick or by e-mail.</source>
        <translation>Trao đổi gói dữ liệu đã ký và mã hóa với cấp trên qua USB hoặc thư điện tử.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="141"/>
        <source>Administration</source>
        <translation>Quản trị</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="142"/>
        <source>Accounts and roles, the audit trail, backups and restore.</source>
        <translation>Tài khoản và phân quyền, nhật ký thao tác, sao lưu và khôi phục.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="149"/>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="150"/>
        <source>&amp;Back up now</source>
        <translation>&amp;Sao lưu ngay</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="155"/>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="160"/>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="167"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Làm mới</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="173"/>
        <source>&amp;Settings</source>
        <translation>&amp;Cài đặt</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="174"/>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="184"/>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="185"/>
        <source>&amp;About ANTQ Desktop</source>
        <translation>&amp;Giới thiệu ANTQ Desktop</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="192"/>
        <source>User: %1</source>
        <translation>Người dùng: %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="193"/>
        <source>Data: %1</source>
        <translation>Dữ liệu: %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="205"/>
        <source>Last backup: never</source>
        <translation>Sao lưu gần nhất: chưa có</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="208"/>
        <source>Last backup: %1</source>
        <translation>Sao lưu gần nhất: %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="222"/>
        <source>Backup</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="223"/>
        <source>Backing up the database…</source>
        <translation>Đang sao lưu cơ sở dữ liệu…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="230"/>
        <source>Backed up and verified: %1</source>
        <translation>Đã sao lưu và kiểm tra: %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="236"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="237"/>
        <source>The new language is used from the next start of the program.</source>
        <translation>Ngôn ngữ mới được dùng từ lần mở chương trình sau.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="243"/>
        <source>About ANTQ Desktop</source>
        <translation>Giới thiệu ANTQ Desktop</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/main_window.py" line="245"/>
        <source>ANTQ Desktop %1
Records of the movement for the whole people to protect national security.

Data folder: %2
Fonts: Liberation Serif and Liberation Sans (SIL Open Font License 1.1).</source>
        <translation>ANTQ Desktop %1
Quản lý hồ sơ phong trào Toàn dân bảo vệ an ninh Tổ quốc.

Thư mục dữ liệu: %2
Phông chữ: Liberation Serif và Liberation Sans (giấy phép SIL Open Font License 1.1).</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../antq_desktop/ui/overview_page.py" line="74"/>
        <location filename="../antq_desktop/ui/overview_page.py" line="86"/>
        <source>Households</source>
        <translation>Hộ gia đình</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/overview_page.py" line="75"/>
        <source>Persons</source>
        <translation>Nhân khẩu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/overview_page.py" line="76"/>
        <source>Signed this year&apos;s commitment</source>
        <translation>Hộ đã ký cam kết năm nay</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/overview_page.py" line="77"/>
        <source>Active groups and models</source>
        <translation>Tổ, mô hình đang hoạt động</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/overview_page.py" line="78"/>
        <source>Meetings this year</source>
        <translation>Hội nghị trong năm</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/overview_page.py" line="79"/>
        <source>Opinions awaiting an answer</source>
        <translation>Ý kiến chưa được trả lời</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/overview_page.py" line="86"/>
        <source>Village</source>
        <translation>Thôn, tổ dân phố</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/overview_page.py" line="86"/>
        <source>Signed</source>
        <translation>Đã ký</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/overview_page.py" line="86"/>
        <source>Coverage</source>
        <translation>Tỷ lệ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/overview_page.py" line="108"/>
        <source>Overview — year %1</source>
        <translation>Tổng quan — năm %1</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/overview_page.py" line="113"/>
        <source>%1 of %2 households</source>
        <translation>%1 trên %2 hộ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/overview_page.py" line="117"/>
        <source>%1 members</source>
        <translation>%1 thành viên</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/overview_page.py" line="120"/>
        <source>Commitment coverage by village, %1</source>
        <translation>Tỷ lệ hộ ký cam kết theo thôn, năm %1</translation>
    </message>
</context>
<context>
    <name>ProvincePage</name>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="133"/>
        <source>Province or city</source>
        <translation>Tỉnh, thành phố</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="135"/>
        <source>The 34 provinces and cities since 1 July 2025. Type without diacritics to search.</source>
        <translation>34 tỉnh, thành phố từ ngày 01/7/2025. Gõ không dấu để tìm.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="137"/>
        <source>Search, e.g. cao bang</source>
        <translation>Tìm kiếm, ví dụ: cao bang</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="348"/>
        <source>ANTQ Desktop — first-time setup</source>
        <translation>ANTQ Desktop — thiết lập lần đầu</translation>
    </message>
</context>
<context>
    <name>UnitPage</name>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="178"/>
        <source>Your unit and its villages</source>
        <translation>Đơn vị và các thôn, tổ dân phố</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="179"/>
        <source>Villages: thôn, xóm, bản, ấp, tổ dân phố… You can add more later.</source>
        <translation>Khu dân cư: thôn, xóm, bản, ấp, tổ dân phố… Có thể bổ sung sau.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="184"/>
        <source>e.g. Thôn Nà Mạ</source>
        <translation>ví dụ: Thôn Nà Mạ</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="185"/>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="186"/>
        <source>Rename</source>
        <translation>Đổi tên</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="187"/>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="188"/>
        <source>Move up</source>
        <translation>Lên trên</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="189"/>
        <source>Move down</source>
        <translation>Xuống dưới</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="202"/>
        <source>Unit name:</source>
        <translation>Tên đơn vị:</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="215"/>
        <source>Villages of the commune:</source>
        <translation>Các thôn, tổ dân phố của xã:</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="231"/>
        <source>This village is already in the list.</source>
        <translation>Thôn này đã có trong danh sách.</translation>
    </message>
</context>
<context>
    <name>UpperLevelPage</name>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="271"/>
        <source>Upper level</source>
        <translation>Cấp trên</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="274"/>
        <source>Where your data bundles go: the provincial police since 2025, or a district where one remains.</source>
        <translation>Nơi nhận gói dữ liệu: Công an tỉnh (từ năm 2025), hoặc cấp huyện ở nơi còn.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="281"/>
        <source>Kind:</source>
        <translation>Loại:</translation>
    </message>
    <message>
        <location filename="../antq_desktop/ui/setup_wizard.py" line="282"/>
        <source>Name:</source>
        <translation>Tên:</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../antq_desktop/app.py" line="76"/>
        <source>Demo data</source>
        <translation>Dữ liệu mẫu</translation>
    </message>
    <message>
        <location filename="../antq_desktop/app.py" line="77"/>
        <source>Creating the demo commune…</source>
        <translation>Đang tạo xã mẫu…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/app.py" line="88"/>
        <source>Setup</source>
        <translation>Thiết lập</translation>
    </message>
    <message>
        <location filename="../antq_desktop/app.py" line="89"/>
        <source>Setting up the unit…</source>
        <translation>Đang thiết lập đơn vị…</translation>
    </message>
    <message>
        <location filename="../antq_desktop/app.py" line="108"/>
        <source>ANTQ Desktop is already open; its window was brought forward.</source>
        <translation>ANTQ Desktop đang mở; cửa sổ đã được đưa lên trước.</translation>
    </message>
    <message>
        <location filename="../antq_desktop/app.py" line="117"/>
        <source>ANTQ Desktop is already open on this data folder (or a command is running on it).</source>
        <translation>ANTQ Desktop đang mở trên thư mục dữ liệu này (hoặc đang có lệnh chạy trên đó).</translation>
    </message>
    <message>
        <location filename="../antq_desktop/app.py" line="126"/>
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
        <location filename="../antq_desktop/ui/messages.py" line="27"/>
        <source>ANTQ Desktop</source>
        <translation>ANTQ Desktop</translation>
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
        <location filename="../antq_desktop/ui/tasks.py" line="68"/>
        <source>Cancelling…</source>
        <translation>Đang hủy…</translation>
    </message>
</context>
</TS>
